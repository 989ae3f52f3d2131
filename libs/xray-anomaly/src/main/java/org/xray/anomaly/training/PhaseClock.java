package org.xray.anomaly.training;

import java.time.Duration;

/** Throughput and time left in a phase, from the iterations run since this clock started. */
public final class PhaseClock {

    private final long startNanos = System.nanoTime();
    private final int firstIteration;
    private final int iterations;
    private final int imagesPerIteration;

    /**
     * @param firstIteration     iterations already done when the clock starts (a resumed run)
     * @param iterations         iterations of the phase in all
     * @param imagesPerIteration real images one iteration consumes
     */
    public PhaseClock(int firstIteration, int iterations, int imagesPerIteration) {
        this.firstIteration = firstIteration;
        this.iterations = iterations;
        this.imagesPerIteration = imagesPerIteration;
    }

    public double imagesPerSecond(int iterationsDone) {
        double seconds = elapsedSeconds();
        return seconds > 0 ? (iterationsDone - firstIteration) * (double) imagesPerIteration / seconds : 0.0;
    }

    public Duration remaining(int iterationsDone) {
        int run = iterationsDone - firstIteration;
        if (run <= 0) {
            return Duration.ZERO;
        }
        double secondsPerIteration = elapsedSeconds() / run;
        return Duration.ofMillis(Math.round(secondsPerIteration * (iterations - iterationsDone) * 1000));
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
