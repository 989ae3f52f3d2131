package org.xray.anomaly.training;

import java.util.List;
import org.xray.imaging.GrayImage;

/**
 * Training batches of normal images, addressed by index so that a run is reproducible and a resumed run sees the
 * batches the interrupted one would have seen. Implementations usually sample with a seed derived from the index.
 */
@FunctionalInterface
public interface TrainingImages {

    /** Batch number {@code index} (0-based, counted across both phases): {@code size} model-size images. */
    List<GrayImage> batch(long index, int size);
}
