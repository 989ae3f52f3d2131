package org.xray.anomaly.training;

import java.nio.file.Path;

/** Callbacks from a training run, on the training thread. All methods do nothing by default. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    default void onIteration(TrainingProgress progress) {
    }

    /** A checkpoint was written to {@code directory} after {@code iteration} of {@code phase}. */
    default void onCheckpoint(Phase phase, int iteration, Path directory) {
    }

    default void onPhaseFinished(Phase phase) {
    }

    /** Both listeners, in order. */
    default TrainingListener and(TrainingListener other) {
        TrainingListener first = this;
        return new TrainingListener() {
            @Override
            public void onIteration(TrainingProgress progress) {
                first.onIteration(progress);
                other.onIteration(progress);
            }

            @Override
            public void onCheckpoint(Phase phase, int iteration, Path directory) {
                first.onCheckpoint(phase, iteration, directory);
                other.onCheckpoint(phase, iteration, directory);
            }

            @Override
            public void onPhaseFinished(Phase phase) {
                first.onPhaseFinished(phase);
                other.onPhaseFinished(phase);
            }
        };
    }
}
