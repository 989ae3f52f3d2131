package org.xray.trainer.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xray.anomaly.training.TrainingProgress;

/** One job's changing state; every change is made under the job's lock and {@link #status()} is a snapshot. */
final class TrainingJob {

    private final String id;
    private final TrainingJobSpec spec;
    private final String version;
    private final Instant submittedAt;
    private JobState state;
    private Optional<Instant> startedAt;
    private Optional<Instant> finishedAt;
    private Optional<String> model;
    private Optional<String> stage;
    private Optional<TrainingJobStatus.Progress> progress;
    private final List<PublishedVersion> published;
    private Optional<String> error;
    private boolean resumed;
    private volatile boolean cancelRequested;

    TrainingJob(TrainingJobStatus status) {
        id = status.id();
        spec = status.spec();
        version = status.version();
        submittedAt = status.submittedAt();
        state = status.state();
        startedAt = status.startedAt();
        finishedAt = status.finishedAt();
        model = status.model();
        stage = status.stage();
        progress = status.progress();
        published = new ArrayList<>(status.published());
        error = status.error();
        resumed = status.resumed();
    }

    synchronized TrainingJobStatus status() {
        return new TrainingJobStatus(id, state, spec, version, submittedAt, startedAt, finishedAt, model, stage,
                progress, published, error, resumed);
    }

    String id() {
        return id;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    /** Keeps the first start time when a resumed job starts again. */
    synchronized void started(Instant at) {
        state = JobState.RUNNING;
        startedAt = Optional.of(startedAt.orElse(at));
        finishedAt = Optional.empty();
        error = Optional.empty();
    }

    /** A new training stage clears the previous model's iteration progress. */
    synchronized void stage(String newModel, String newStage) {
        model = Optional.of(newModel);
        stage = Optional.of(newStage);
        if (newStage.equals("training")) {
            progress = Optional.empty();
        }
    }

    synchronized void progress(TrainingProgress report) {
        progress = Optional.of(new TrainingJobStatus.Progress(report.phase().name(), report.iteration(),
                report.iterations(), report.losses(), report.imagesPerSecond(), report.remaining().toSeconds()));
    }

    synchronized void published(PublishedVersion version) {
        published.add(version);
    }

    synchronized void finished(JobState finalState, Optional<String> reason, Instant at) {
        state = finalState;
        finishedAt = Optional.of(at);
        error = reason;
    }

    synchronized void resumed() {
        state = JobState.QUEUED;
        finishedAt = Optional.empty();
        error = Optional.empty();
        resumed = true;
    }
}
