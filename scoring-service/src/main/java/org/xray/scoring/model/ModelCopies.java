package org.xray.scoring.model;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

import org.xray.anomaly.scoring.TrainedModel;

/** One copy of a model per scoring thread: DL4J networks keep per-call state and must not be shared. */
final class ModelCopies {

    private final BlockingQueue<TrainedModel> idle;

    ModelCopies(TrainedModel prototype, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one model copy is needed, got " + count);
        }
        idle = new ArrayBlockingQueue<>(count);
        idle.add(prototype);
        for (int i = 1; i < count; i++) {
            idle.add(prototype.copy());
        }
    }

    /** Runs {@code work} on a copy no other thread uses meanwhile, waiting for one if all are busy. */
    <T> T apply(Function<TrainedModel, T> work) {
        TrainedModel model;
        try {
            model = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free model copy", e);
        }
        try {
            return work.apply(model);
        } finally {
            idle.add(model);
        }
    }
}
