package org.xray.trainer.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.xray.anomaly.training.ConsoleProgressReporter;
import org.xray.anomaly.training.Phase;
import org.xray.anomaly.training.TrainingProgress;
import org.xray.training.TrainingObserver;

/** Shows a foreground training run: a line per model stage, and the training progress lines. */
final class ConsoleTrainingObserver implements TrainingObserver {

    /** Iterations between progress lines: the published schedules run thousands, so not one line each. */
    private static final int EVERY = 25;

    private final PrintStream out;
    private final ConsoleProgressReporter progress;

    ConsoleTrainingObserver(PrintStream out) {
        this.out = out;
        this.progress = new ConsoleProgressReporter(out, EVERY);
    }

    @Override
    public void onStage(String model, String stage) {
        out.println("== " + model + ": " + stage);
    }

    @Override
    public void onIteration(TrainingProgress training) {
        progress.onIteration(training);
    }

    @Override
    public void onCheckpoint(Phase phase, int iteration, Path directory) {
        progress.onCheckpoint(phase, iteration, directory);
    }

    @Override
    public void onPhaseFinished(Phase phase) {
        progress.onPhaseFinished(phase);
    }
}
