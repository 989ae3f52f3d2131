package org.xray.anomaly.scoring;

import java.util.Map;

/**
 * A trained anomaly model as the trainer saves it and the scorer serves it. Not thread-safe (DL4J networks keep
 * per-call state): give each thread its own {@link #copy()}.
 */
public interface TrainedModel extends AnomalyScorer {

    Algorithm algorithm();

    /** The side of the square input images, in pixels. */
    int imageSize();

    /** The config it was built with. */
    Record config();

    /** {@link #config()} as text, for a bundle's manifest: {@link Hyperparameters#parse} rebuilds it. */
    default Map<String, String> hyperparameters() {
        return Hyperparameters.of(config());
    }

    /** The network files of its bundle, by entry name. */
    Map<String, byte[]> toEntries();

    /** An independent copy for another thread. */
    TrainedModel copy();
}
