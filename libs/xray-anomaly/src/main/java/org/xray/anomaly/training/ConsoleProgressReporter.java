package org.xray.anomaly.training;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a progress line every {@code every} iterations and at a phase's last iteration, e.g.
 * {@code [GAN 120/2000] critic=-1.2345 generator=0.5678 penalty=0.0123 | 85.3 img/s | ETA 0:03:12}.
 */
public final class ConsoleProgressReporter implements TrainingListener {

    private final PrintStream out;
    private final int every;

    public ConsoleProgressReporter(PrintStream out, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, was " + every);
        }
        this.out = out;
        this.every = every;
    }

    @Override
    public void onIteration(TrainingProgress progress) {
        if (progress.iteration() % every == 0 || progress.iteration() == progress.iterations()) {
            out.println(format(progress));
        }
    }

    @Override
    public void onCheckpoint(Phase phase, int iteration, Path directory) {
        out.println("[" + phase + " " + iteration + "] checkpoint written to " + directory);
    }

    @Override
    public void onPhaseFinished(Phase phase) {
        out.println("[" + phase + "] finished");
    }

    static String format(TrainingProgress progress) {
        String losses = progress.losses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s=%.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, "[%s %d/%d] %s | %.1f img/s | ETA %s", progress.phase(),
                progress.iteration(), progress.iterations(), losses, progress.imagesPerSecond(),
                clock(progress.remaining()));
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
