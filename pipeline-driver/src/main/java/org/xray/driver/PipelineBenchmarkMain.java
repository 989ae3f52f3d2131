package org.xray.driver;

import java.time.Duration;
import java.util.Set;

import org.xray.anomaly.nn.NativeSettings;
import org.xray.contracts.BodyPart;
import org.xray.driver.bench.PipelineBenchmark;

/**
 * The end-to-end benchmark against a running system ({@code bin/xray-local --no-demo}, after one run that trained a
 * model): sustained images/s through ingest, preprocess and scoring, then latency at half that rate; prints a table
 * for docs/BENCHMARKS.md. Exit status 2 for bad options, 1 when the benchmark cannot finish.
 */
public final class PipelineBenchmarkMain {

    private static final String USAGE = """
            usage: PipelineBenchmarkMain [--ingest URL] [--scorer URL] [--kafka HOST:PORT] [--token TOKEN]
                                         [--dataset DIR] [--part XR_HAND] [--step-seconds 20] [--first-rate 5]
                                         [--max-rate 1000] [--latency-seconds 60]
            defaults: http://localhost:8081, http://localhost:8083, 127.0.0.1:9092, $XRAY_INGEST_API_TOKENS (first),
                      data/datasets/synthetic-XR_HAND/MURA-v1.1 (the demo's), XR_HAND""";

    private PipelineBenchmarkMain() {
    }

    public static void main(String[] args) {
        NativeSettings.applyDefaults(); // before ND4J loads: the GEMM ceiling runs on the oneDNN build, as the scorer
        PipelineBenchmark benchmark;
        try {
            Options options = Options.parse(args, Set.of("ingest", "scorer", "kafka", "token", "dataset", "part",
                    "step-seconds", "first-rate", "max-rate", "latency-seconds"), Set.of());
            String tokens = System.getenv().getOrDefault("XRAY_INGEST_API_TOKENS", "dev-token-change-me");
            BodyPart part = BodyPart.valueOf(options.text("part", "XR_HAND"));
            benchmark = new PipelineBenchmark(options.uri("ingest", "http://localhost:8081"),
                    options.uri("scorer", "http://localhost:8083"), options.text("kafka", "127.0.0.1:9092"),
                    options.text("token", tokens.split(",")[0].trim()),
                    options.path("dataset", "data/datasets/synthetic-" + part.name() + "/MURA-v1.1"), part,
                    Duration.ofSeconds((long) options.number("step-seconds", 20)), options.number("first-rate", 5),
                    options.number("max-rate", 1000), Duration.ofSeconds((long) options.number("latency-seconds", 60)));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            benchmark.run(System.out);
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("The benchmark stopped: " + e.getMessage());
            System.exit(1);
        }
    }
}
