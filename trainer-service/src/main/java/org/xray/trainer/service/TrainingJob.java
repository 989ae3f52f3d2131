package org.xray.trainer.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xray.anomaly.training.TrainingProgress;

/** One job's changing state; every change is made under the job's lock and {@link #status()} is a snapshot. */
final class TrainingJob {

    private TrainingJobStatus status;
    private volatile boolean cancelRequested;

    TrainingJob(TrainingJobStatus status) {
        this.status = status;
    }

    synchronized TrainingJobStatus status() {
        return status;
    }

    String id() {
        return status().id();
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    synchronized void started(Instant at) {
        status = new TrainingJobStatus(status.id(), JobState.RUNNING, status.spec(), status.version(),
                status.submittedAt(), Optional.of(status.startedAt().orElse(at)), Optional.empty(), status.model(),
                status.stage(), status.progress(), status.published(), Optional.empty(), status.resumed());
    }

    synchronized void stage(String model, String stage) {
        status = new TrainingJobStatus(status.id(), status.state(), status.spec(), status.version(),
                status.submittedAt(), status.startedAt(), status.finishedAt(), Optional.of(model), Optional.of(stage),
                stage.equals("training") ? Optional.empty() : status.progress(), status.published(), status.error(),
                status.resumed());
    }

    synchronized void progress(TrainingProgress progress) {
        status = new TrainingJobStatus(status.id(), status.state(), status.spec(), status.version(),
                status.submittedAt(), status.startedAt(), status.finishedAt(), status.model(), status.stage(),
                Optional.of(new TrainingJobStatus.Progress(progress.phase().name(), progress.iteration(),
                        progress.iterations(), progress.losses(), progress.imagesPerSecond(),
                        progress.remaining().toSeconds())), status.published(), status.error(), status.resumed());
    }

    synchronized void published(PublishedVersion version) {
        List<PublishedVersion> published = new ArrayList<>(status.published());
        published.add(version);
        status = new TrainingJobStatus(status.id(), status.state(), status.spec(), status.version(),
                status.submittedAt(), status.startedAt(), status.finishedAt(), status.model(), status.stage(),
                status.progress(), published, status.error(), status.resumed());
    }

    synchronized void finished(JobState state, Optional<String> error, Instant at) {
        status = new TrainingJobStatus(status.id(), state, status.spec(), status.version(), status.submittedAt(),
                status.startedAt(), Optional.of(at), status.model(), status.stage(), status.progress(),
                status.published(), error, status.resumed());
    }

    synchronized void resumed() {
        status = new TrainingJobStatus(status.id(), JobState.QUEUED, status.spec(), status.version(),
                status.submittedAt(), status.startedAt(), Optional.empty(), status.model(), status.stage(),
                status.progress(), status.published(), Optional.empty(), true);
    }
}
