package org.xray.anomaly.training;

import java.time.Duration;
import java.util.Map;

/**
 * A progress report after one iteration.
 *
 * @param phase           the phase running
 * @param iteration       iterations of this phase done (1-based after the first); a GAN iteration is one generator
 *                        step with its critic steps
 * @param iterations      iterations this phase will run in all
 * @param losses          named losses of this iteration, in a stable order (e.g. {@code critic}, {@code generator},
 *                        {@code penalty}; {@code image}, {@code feature}, {@code encoder})
 * @param imagesPerSecond real images consumed per second, averaged over this session's iterations of the phase
 * @param remaining       estimated time left in this phase
 */
public record TrainingProgress(Phase phase, int iteration, int iterations, Map<String, Double> losses,
                               double imagesPerSecond, Duration remaining) {

    public TrainingProgress {
        losses = Map.copyOf(losses);
    }
}
