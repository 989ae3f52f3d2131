package org.xray.driver.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xray.contracts.BodyPart;
import org.xray.driver.client.ScorerClient;
import org.xray.driver.client.ScorerClient.ServedModel;
import org.xray.driver.client.ServiceException;
import org.xray.driver.client.Sleep;
import org.xray.driver.client.TrainerClient;
import org.xray.driver.client.TrainerClient.Job;

/**
 * Makes sure the scorer serves a model for the demo's body part: the one it already serves, else the one an
 * unfinished training job will publish (a trainer restarted mid-job resumes it), else one from a new small job. Shows
 * the job's progress until it is published, then waits for the scorer to load it.
 */
public final class ModelProvisioning {

    /**
     * A small f-AnoGAN that trains in about a minute or two on 2 cores: narrow networks, batch 16, few iterations.
     * Its scores are mostly noise on the synthetic images (docs/models.md); its threshold is calibrated on the valid
     * split, so it still flags a share of the feed.
     */
    static final Map<String, String> DEMO_HYPERPARAMETERS = Map.of("criticWidth", "8", "generatorWidth", "8",
            "encoderWidth", "8", "batchSize", "16", "generatorIterations", "40", "encoderIterations", "150");
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);

    private final ScorerClient scorer;
    private final TrainerClient trainer;
    private final PrintStream out;

    public ModelProvisioning(ScorerClient scorer, TrainerClient trainer, PrintStream out) {
        this.scorer = scorer;
        this.trainer = trainer;
        this.out = out;
    }

    /**
     * @throws ServiceException when training fails or the scorer does not load the new version
     */
    public ServedModel ensureServed(BodyPart part, Path dataset) {
        String name = "fanogan/" + part.name();
        Optional<ServedModel> current = scorer.current(name);
        if (current.isPresent()) {
            out.printf("==> The scorer already serves %s version %s (threshold %.4f); reusing it%n", name,
                    current.get().version(), current.get().thresholds().get(part.name()));
            return current.get();
        }
        Job job = unfinishedJob(part, dataset).orElseGet(() -> submit(part, dataset));
        Job done = follow(job);
        if (!done.state().equals("SUCCEEDED")) {
            throw new ServiceException("training job " + done.id() + " ended " + done.state()
                    + done.error().map(e -> ": " + e).orElse(""));
        }
        TrainerClient.Published published = done.published().stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow(() -> new ServiceException("job " + done.id() + " published no " + name));
        out.printf("==> Published %s version %s as %s (%s); waiting for the scorer to load it%n", name,
                published.version(), published.status(), published.reason());
        ServedModel served = scorer.awaitServing(name, published.version(), LOAD_TIMEOUT);
        out.printf("==> The scorer serves %s version %s (threshold %.4f)%n", name, served.version(),
                served.thresholds().get(part.name()));
        return served;
    }

    private Optional<Job> unfinishedJob(BodyPart part, Path dataset) {
        Optional<Job> job = trainer.jobs().stream()
                .filter(j -> !j.finished() && j.dataset().equals(dataset.toString())
                        && j.bodyParts().equals(List.of(part.name())))
                .findFirst();
        job.ifPresent(j -> out.println("==> Following training job " + j.id() + " (" + j.state()
                + "), started by an earlier run"));
        return job;
    }

    private Job submit(BodyPart part, Path dataset) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("dataset", dataset.toString());
        spec.put("bodyParts", List.of(part.name()));
        spec.put("algorithm", "fanogan");
        spec.put("hyperparameters", DEMO_HYPERPARAMETERS);
        Job job = trainer.submit(spec);
        out.println("==> No model serves " + part + " yet: submitted training job " + job.id() + " " + spec);
        return job;
    }

    /** Polls the job, printing a progress line when it changes (at most every 2 s), until it has finished. */
    private Job follow(Job job) {
        String lastLine = "";
        long lastPrint = 0;
        while (true) {
            job = trainer.job(job.id());
            if (job.finished()) {
                return job;
            }
            String line = TrainingProgressLine.of(job);
            long now = System.nanoTime();
            if (!line.equals(lastLine) && now - lastPrint >= PROGRESS_EVERY.toNanos()) {
                out.println(line);
                lastLine = line;
                lastPrint = now;
            }
            Sleep.of(POLL);
        }
    }
}
