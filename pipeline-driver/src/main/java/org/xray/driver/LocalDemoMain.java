package org.xray.driver;

import java.nio.file.Path;
import java.util.Set;

import org.xray.contracts.BodyPart;
import org.xray.driver.demo.LocalDemo;

/**
 * The local demo against running services (see {@code bin/xray-local}, {@code docs/running-locally.md}): dataset,
 * model, mixed feed and a live table of scores and alerts. Runs until Ctrl-C. Exit status 2 for bad options, 1 when
 * the demo cannot go on.
 */
public final class LocalDemoMain {

    private static final String USAGE = """
            usage: LocalDemoMain [--ingest URL] [--scorer URL] [--trainer URL] [--kafka HOST:PORT] [--token TOKEN]
                                 [--data DIR] [--mura DIR] [--part XR_HAND] [--rate IMAGES_PER_SECOND]
            defaults: http://localhost:8081, :8083, :8084, 127.0.0.1:9092, $XRAY_INGEST_API_TOKENS (first),
                      data, the synthetic dataset under DIR/datasets, XR_HAND, 2""";

    private LocalDemoMain() {
    }

    public static void main(String[] args) {
        LocalDemo demo;
        try {
            Options options = Options.parse(args, Set.of("ingest", "scorer", "trainer", "kafka", "token", "data",
                    "mura", "part", "rate"), Set.of());
            String tokens = System.getenv().getOrDefault("XRAY_INGEST_API_TOKENS", "dev-token-change-me");
            demo = new LocalDemo(options.uri("ingest", "http://localhost:8081"),
                    options.uri("scorer", "http://localhost:8083"), options.uri("trainer", "http://localhost:8084"),
                    options.text("kafka", "127.0.0.1:9092"), options.text("token", tokens.split(",")[0].trim()),
                    options.path("data", "data"), options.text("mura").map(Path::of),
                    BodyPart.valueOf(options.text("part", "XR_HAND")), options.number("rate", 2));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            demo.run(System.out);
        } catch (RuntimeException e) {
            System.err.println("The demo stopped: " + e.getMessage());
            System.exit(1);
        }
    }
}
