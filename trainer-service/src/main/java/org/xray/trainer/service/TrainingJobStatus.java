package org.xray.trainer.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job as {@code GET /api/v1/training-jobs/{id}} shows it and as the trainer keeps it on disk.
 *
 * @param version   the version label of the models it makes; kept across a restart so checkpoints resume
 * @param model     the model being made now, e.g. {@code fanogan/XR_HAND}
 * @param stage     {@code preprocessing}, {@code training}, {@code evaluating}, {@code bundling}, {@code publishing}
 * @param progress  the last training iteration's report
 * @param published the versions made so far, with the promotion gate's decision
 * @param resumed   whether a restarted trainer picked the job up again
 */
public record TrainingJobStatus(String id, JobState state, TrainingJobSpec spec, String version, Instant submittedAt,
                                Optional<Instant> startedAt, Optional<Instant> finishedAt, Optional<String> model,
                                Optional<String> stage, Optional<Progress> progress, List<PublishedVersion> published,
                                Optional<String> error, boolean resumed) {

    public TrainingJobStatus {
        published = List.copyOf(published);
    }

    /**
     * @param phase           {@code GAN} or {@code ENCODER}
     * @param imagesPerSecond real training images per second, averaged over the phase
     * @param etaSeconds      estimated seconds left in the phase
     */
    public record Progress(String phase, int iteration, int iterations, Map<String, Double> losses,
                           double imagesPerSecond, long etaSeconds) {
    }
}
