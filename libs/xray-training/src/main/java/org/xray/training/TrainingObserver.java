package org.xray.training;

import org.xray.anomaly.training.TrainingListener;

/** Progress of a training job: its stages per model, and each model's training iterations. */
public interface TrainingObserver extends TrainingListener {

    TrainingObserver NONE = new TrainingObserver() {
    };

    /**
     * @param model the model being made, e.g. {@code fanogan/XR_HAND}
     * @param stage {@code preprocessing}, {@code training}, {@code evaluating} or {@code bundling}
     */
    default void onStage(String model, String stage) {
    }
}
