package org.xray.driver.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.xray.anomaly.nn.ComputeCost;
import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraDataset;
import org.xray.datasets.mura.MuraImage;
import org.xray.datasets.mura.Split;
import org.xray.driver.client.IngestClient;
import org.xray.driver.client.PipelineEvents;
import org.xray.driver.client.ScorerClient;
import org.xray.driver.client.ScorerClient.ServedModel;
import org.xray.driver.client.ServiceException;

/**
 * The end-to-end benchmark (DESIGN.md section 7) against a running system: the sustained images/s through ingest,
 * preprocess and scoring, found by offering images open-loop at rising rates; then ingest-to-score latency
 * percentiles at half that rate. Also the machine's GEMM ceiling, measured first while the system is idle, and the
 * served model's GFLOP/s at the sustained rate as a share of it.
 *
 * @param step        how long each rate is offered; the second half is measured
 * @param firstRate   images/s of the first step; each next step offers 1.5 times more
 * @param maxRate     no step offers more
 * @param latencyRun  how long the half-rate latency run lasts
 */
public record PipelineBenchmark(URI ingestUrl, URI scorerUrl, String bootstrapServers, String apiToken,
                                Path dataset, BodyPart part, Duration step, double firstRate, double maxRate,
                                Duration latencyRun) {

    private static final double RATE_FACTOR = 1.5;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);
    // DESIGN.md section 7: the ceiling is ND4J single-precision GEMM of 2048 x 2048 matrices.
    private static final int GEMM_SIZE = 2048;
    private static final Duration GEMM_MEASURE = Duration.ofSeconds(4);

    public void run(PrintStream out) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String modelName = "fanogan/" + part.name();
        ServedModel model = new ScorerClient(scorerUrl, http).current(modelName).orElseThrow(() ->
                new ServiceException("the scorer at " + scorerUrl + " serves no " + modelName + ": run bin/xray-local"
                        + " once (it trains one) or publish one"));
        List<byte[]> images = images();
        out.printf(Locale.ROOT, "==> Model %s version %s; %d %s images of %s, each sent as a study of its own%n",
                modelName, model.version(), images.size(), part, dataset);

        String loadAtStart = loadAverage();
        out.printf("==> %d cores, load average %s; GEMM ceiling (ND4J SGEMM 2048 x 2048, system idle)...%n",
                Runtime.getRuntime().availableProcessors(), loadAtStart);
        double ceiling = ComputeCost.gemmGflops(GEMM_SIZE, GEMM_MEASURE);
        Optional<Double> flops = ModelFlops.perImage(bootstrapServers, modelName, model.version());
        out.printf(Locale.ROOT, "    %.1f GFLOP/s; the model's score costs %s per image%n", ceiling,
                flops.map(f -> String.format(Locale.ROOT, "%.4f GFLOP", f / 1e9)).orElse("(not an f-AnoGAN: n/a)"));

        OpenLoopLoad load = new OpenLoopLoad(new IngestClient(ingestUrl, apiToken, http), images, part, out);
        try (PipelineEvents events = PipelineEvents.follow(bootstrapServers, load)) {
            out.printf(Locale.ROOT, "==> Warm-up: %d s at %.0f images/s%n", WARM_UP.toSeconds(), firstRate);
            load.offer(firstRate, WARM_UP, false);
            requireDrained(load, out);

            List<Double> rates = new ArrayList<>();
            List<OpenLoopLoad.Step> steps = new ArrayList<>();
            double sustained = 0;
            double failedAt = 0;
            for (double rate = firstRate; rate <= maxRate && failedAt == 0; rate *= RATE_FACTOR) {
                OpenLoopLoad.Step result = step(load, rate, out);
                rates.add(rate);
                steps.add(result);
                if (result.sustained()) {
                    sustained = rate;
                } else {
                    failedAt = rate;
                }
            }
            if (failedAt > 0 && sustained > 0) {
                double between = (sustained + failedAt) / 2;
                OpenLoopLoad.Step result = step(load, between, out);
                rates.add(between);
                steps.add(result);
                if (result.sustained()) {
                    sustained = between;
                }
            }
            if (sustained == 0) {
                throw new ServiceException("the system did not keep up even with " + firstRate + " images/s"
                        + Optional.ofNullable(load.firstError()).map(e -> "; first error: " + e).orElse(""));
            }

            double latencyRate = sustained / 2;
            out.printf(Locale.ROOT, "==> Latency: %d s at %.1f images/s (half the sustained rate)%n",
                    latencyRun.toSeconds(), latencyRate);
            OpenLoopLoad.Step latencyStep = load.offer(latencyRate, latencyRun, true);
            requireDrained(load, out);
            report(out, rates, steps, sustained, failedAt, latencyRate, latencyStep, load.latencies(), ceiling,
                    flops);
            out.printf("| load average (1, 5, 15 min) at start / end | %s / %s |%n", loadAtStart, loadAverage());
        }
    }

    private OpenLoopLoad.Step step(OpenLoopLoad load, double rate, PrintStream out) {
        out.printf(Locale.ROOT, "==> Offering %.1f images/s for %d s%n", rate, step.toSeconds());
        OpenLoopLoad.Step result = load.offer(rate, step, false);
        boolean drained = load.drain(DRAIN_TIMEOUT);
        out.printf(Locale.ROOT, "    second half: %.1f offered, %.1f scored images/s; backlog %d -> %d; errors %d:"
                + " %s%n", result.offeredPerSecond(), result.scoredPerSecond(), result.backlogAtHalf(),
                result.backlogAtEnd(), result.errors(), result.sustained() ? "sustained" : "NOT sustained");
        if (!drained) {
            throw new ServiceException("the backlog did not drain within " + DRAIN_TIMEOUT.toSeconds() + " s after "
                    + rate + " images/s; " + load.backlog() + " images were never scored");
        }
        return result;
    }

    private static void requireDrained(OpenLoopLoad load, PrintStream out) {
        if (!load.drain(DRAIN_TIMEOUT)) {
            throw new ServiceException(load.backlog() + " images were not scored within "
                    + DRAIN_TIMEOUT.toSeconds() + " s" + Optional.ofNullable(load.firstError())
                    .map(e -> "; first error: " + e).orElse(""));
        }
    }

    private static void report(PrintStream out, List<Double> rates, List<OpenLoopLoad.Step> steps, double sustained,
                               double failedAt, double latencyRate, OpenLoopLoad.Step latencyStep,
                               Latencies latencies, double ceiling, Optional<Double> flops) {
        out.println();
        out.println("| offered images/s | measured offer | scored images/s | backlog (half -> end) | errors"
                + " | result |");
        out.println("|---|---|---|---|---|---|");
        for (int i = 0; i < steps.size(); i++) {
            OpenLoopLoad.Step s = steps.get(i);
            out.printf(Locale.ROOT, "| %.1f | %.1f | %.1f | %d -> %d | %d | %s |%n", rates.get(i),
                    s.offeredPerSecond(), s.scoredPerSecond(), s.backlogAtHalf(), s.backlogAtEnd(), s.errors(),
                    s.sustained() ? "sustained" : "not sustained");
        }
        out.println();
        out.println("| measurement | result |");
        out.println("|---|---|");
        out.printf(Locale.ROOT, "| sustained throughput | %.1f images/s%s |%n", sustained, failedAt > 0
                ? String.format(Locale.ROOT, " (%.1f not sustained)", failedAt) : " (the highest rate tried)");
        out.printf(Locale.ROOT, "| latency run | %.1f images/s offered, %.1f scored, %d images |%n", latencyRate,
                latencyStep.scoredPerSecond(), latencies.sendToScore().size());
        out.printf(Locale.ROOT, "| HTTP send -> score event received, p50 / p99 | %d / %d ms |%n",
                Latencies.percentile(latencies.sendToScore(), 50), Latencies.percentile(latencies.sendToScore(), 99));
        out.printf(Locale.ROOT, "| score event latencyMillis (ingest receivedAt -> scored), p50 / p99 | %d / %d ms |%n",
                Latencies.percentile(latencies.scorerReported(), 50),
                Latencies.percentile(latencies.scorerReported(), 99));
        out.printf(Locale.ROOT, "| GEMM ceiling (SGEMM 2048, system idle) | %.1f GFLOP/s |%n", ceiling);
        flops.ifPresent(f -> out.printf(Locale.ROOT, "| model at the sustained rate | %.4f GFLOP/image x %.1f"
                + " images/s = %.2f GFLOP/s = %.2f %% of the ceiling |%n", f / 1e9, sustained, f * sustained / 1e9,
                100 * f * sustained / 1e9 / ceiling));
    }

    /** The 1, 5 and 15 minute load averages, where the OS tells them (Linux). */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private List<byte[]> images() {
        List<MuraImage> listed = MuraDataset.open(dataset).images(Split.VALID).stream()
                .filter(image -> image.bodyPart() == part).toList();
        if (listed.isEmpty()) {
            throw new IllegalArgumentException("the valid split of " + dataset + " has no " + part + " images");
        }
        List<byte[]> images = new ArrayList<>(listed.size());
        for (MuraImage image : listed) {
            try {
                images.add(Files.readAllBytes(image.path()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + image.path(), e);
            }
        }
        return images;
    }
}
