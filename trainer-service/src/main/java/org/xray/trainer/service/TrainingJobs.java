package org.xray.trainer.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;
import org.xray.anomaly.training.TrainingProgress;
import org.xray.trainer.config.TrainerConfig;
import org.xray.training.ModelTrainingPipeline;
import org.xray.training.TrainingObserver;
import org.xray.training.TrainingRequest;

/**
 * Runs training jobs one at a time, in submission order, on one thread; up to {@code queue-capacity} wait. Jobs are
 * kept on disk: a trainer restarted while a job ran or waited picks it up again with the same version label, so
 * f-AnoGAN training resumes from its last checkpoint.
 */
@ApplicationScoped
public class TrainingJobs {

    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ModelTrainingPipeline pipeline;
    private final ModelRelease release;
    private final JobStore store;
    private final int queueCapacity;
    private final boolean resumeJobs;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, TrainingJob> jobs = new LinkedHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "training-job");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean shuttingDown;

    public TrainingJobs(ModelRelease release, TrainerConfig config, ObjectMapper json) {
        Path dataDir = config.dataDir();
        this.pipeline = new ModelTrainingPipeline(dataDir.resolve("work"));
        this.release = release;
        this.store = new JobStore(dataDir.resolve("jobs"), json);
        this.queueCapacity = config.queueCapacity();
        this.resumeJobs = config.resumeJobs();
    }

    void resumeUnfinished(@Observes StartupEvent event) {
        if (!resumeJobs) {
            return;
        }
        for (TrainingJobStatus stored : store.loadAll()) {
            TrainingJob job = new TrainingJob(stored);
            synchronized (jobs) {
                jobs.put(stored.id(), job);
            }
            if (!stored.state().finished()) {
                LOG.infof("resuming training job %s (%s, version %s)", stored.id(), stored.state(), stored.version());
                job.resumed();
                store.save(job.status());
                runner.submit(() -> run(job));
            }
        }
    }

    // The running job stops at its next iteration (its checkpoint stays whole) and resumes on the next start.
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        shuttingDown = true;
        runner.shutdown();
        if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
            runner.shutdownNow();
        }
    }

    /**
     * Queues a job after checking what can be checked up front.
     *
     * @throws IllegalArgumentException when the spec, the dataset or a body part is not usable (the message says why)
     * @throws QueueFullException       when {@code queue-capacity} jobs are already waiting
     */
    public TrainingJobStatus submit(TrainingJobSpec spec) {
        ModelTrainingPipeline.validate(spec.toRequest());
        TrainingJob job;
        synchronized (jobs) {
            long waiting = jobs.values().stream().filter(j -> j.status().state() == JobState.QUEUED).count();
            if (waiting >= queueCapacity) {
                throw new QueueFullException(waiting + " training jobs are already waiting (queue-capacity "
                        + queueCapacity + "); submit again when one has finished");
            }
            String id = UUID.randomUUID().toString();
            // The id suffix keeps two jobs submitted in the same second from sharing checkpoints and bundle keys.
            job = new TrainingJob(new TrainingJobStatus(id, JobState.QUEUED, spec,
                    VERSION.format(clock.instant()) + "-" + id.substring(0, 8), clock.instant(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), false));
            jobs.put(job.id(), job);
        }
        store.save(job.status());
        runner.submit(() -> run(job));
        return job.status();
    }

    public List<TrainingJobStatus> all() {
        synchronized (jobs) {
            return jobs.values().stream().map(TrainingJob::status).toList();
        }
    }

    public Optional<TrainingJobStatus> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(TrainingJob::status);
        }
    }

    /**
     * Cancels a waiting job at once, a running one at its next training iteration or stage.
     *
     * @throws NoSuchElementException when there is no such job
     * @throws IllegalStateException  when the job has finished
     */
    public TrainingJobStatus cancel(String id) {
        TrainingJob job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null) {
            throw new NoSuchElementException("no training job " + id);
        }
        if (job.status().state().finished()) {
            throw new IllegalStateException("training job " + id + " has already finished: "
                    + job.status().state());
        }
        job.requestCancel();
        synchronized (job) {
            if (job.status().state() == JobState.QUEUED) {
                job.finished(JobState.CANCELLED, Optional.of("cancelled before it started"), clock.instant());
                store.save(job.status());
            }
        }
        return job.status();
    }

    private void run(TrainingJob job) {
        synchronized (job) {
            if (job.status().state() != JobState.QUEUED) {
                return;
            }
            job.started(clock.instant());
        }
        store.save(job.status());
        TrainingJobStatus status = job.status();
        try {
            TrainingRequest request = status.spec().toRequest();
            Set<String> alreadyPublished = status.published().stream().map(PublishedVersion::name)
                    .collect(Collectors.toSet());
            pipeline.run(request, status.version(), observer(job), alreadyPublished, trained -> {
                job.stage(trained.name(), "publishing");
                job.published(release.release(trained));
                // Saved at once: a resumed job must not train and publish this model again.
                store.save(job.status());
            });
            job.finished(JobState.SUCCEEDED, Optional.empty(), clock.instant());
        } catch (CancellationException e) {
            if (shuttingDown) {
                LOG.infof("training job %s stopped by shutdown; it resumes on the next start", job.id());
                return;
            }
            job.finished(JobState.CANCELLED, Optional.of(e.getMessage()), clock.instant());
        } catch (RuntimeException | Error e) {
            if (shuttingDown) {
                // Interrupted I/O or Kafka waits surface as other exceptions: the job still resumes next time.
                LOG.infof("training job %s stopped by shutdown (%s); it resumes on the next start", job.id(), e);
                return;
            }
            // An Error (out of memory in native code, say) must not leave the job RUNNING for ever.
            LOG.errorf(e, "training job %s failed", job.id());
            job.finished(JobState.FAILED, Optional.of(String.valueOf(e)), clock.instant());
        }
        store.save(job.status());
    }

    private TrainingObserver observer(TrainingJob job) {
        return new TrainingObserver() {
            @Override
            public void onStage(String model, String stage) {
                stopIfAsked(job);
                job.stage(model, stage);
            }

            @Override
            public void onIteration(TrainingProgress progress) {
                job.progress(progress);
                stopIfAsked(job);
            }
        };
    }

    private void stopIfAsked(TrainingJob job) {
        if (shuttingDown) {
            throw new CancellationException("the trainer is shutting down");
        }
        if (job.cancelRequested()) {
            throw new CancellationException("cancelled by request");
        }
    }
}
