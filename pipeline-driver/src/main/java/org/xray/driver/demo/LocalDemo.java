package org.xray.driver.demo;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraDataset;
import org.xray.driver.client.IngestClient;
import org.xray.driver.client.PipelineEvents;
import org.xray.driver.client.ScorerClient;
import org.xray.driver.client.TrainerClient;

/**
 * What {@code bin/xray-local} runs once the services are up: a dataset (given, or synthetic and made once), a model
 * the scorer serves (reused, or trained now with visible progress), then a mixed feed through ingest with a live
 * table of the scores and alerts it yields, until the JVM is stopped.
 *
 * @param mura     a real MURA directory; empty for the synthetic dataset under {@code dataDirectory}
 * @param rate     images per second sent through ingest
 */
public record LocalDemo(URI ingestUrl, URI scorerUrl, URI trainerUrl, String bootstrapServers, String apiToken,
                        Path dataDirectory, Optional<Path> mura, BodyPart part, double rate) {

    public LocalDemo {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("the feed's rate must be above 0 images/s, was " + rate);
        }
    }

    public void run(PrintStream out) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Path dataset = mura.map(dir -> DemoDataset.given(dir, out))
                .orElseGet(() -> DemoDataset.synthetic(dataDirectory, part, out));
        new ModelProvisioning(new ScorerClient(scorerUrl, http), new TrainerClient(trainerUrl, http), out)
                .ensureServed(part, dataset);

        LiveTable table = new LiveTable(out);
        DemoFeed feed = new DemoFeed(new IngestClient(ingestUrl, apiToken, http), MuraDataset.open(dataset), part, rate,
                table, out);
        PipelineEvents events = PipelineEvents.follow(bootstrapServers, table);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            feed.stop();
            events.close();
        }, "demo-stop"));

        out.printf("==> Streaming the valid split's %s studies through ingest at %.1f images/s (Ctrl-C stops)."
                + " Web page: %s%n%n", part, rate, ingestUrl.resolve("/#token=" + apiToken));
        table.printHeader();
        feed.run();
    }
}
