package org.xray.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.anomaly.bundle.ModelBundleReader;
import org.xray.trainer.TrainerFixtures;
import org.xray.trainer.config.TrainerConfig;
import org.xray.trainer.messaging.ModelPublisher;
import org.xray.trainer.service.ModelRelease;

class CommandApplicationTest {

    @TempDir
    static Path root;
    static Path dataset;
    static CommandApplication application;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void setUp() {
        dataset = TrainerFixtures.writeHandDataset(root);
        TrainerConfig config = TrainerFixtures.config(root.resolve("data"));
        // No Kafka: these commands never publish, and writing a bundle needs only the publisher's signing key.
        ModelPublisher publisher = new ModelPublisher(null, null, Map.of(), config);
        application = new CommandApplication(config, new ModelRelease(publisher, config), publisher);
    }

    @Test
    void trainWritesEachVersionsBundleAndReportAndShowsProgressAndFigures() throws Exception {
        int status = run("train", "--dataset", dataset.toString(), "--size", "32", "--version", "v1",
                "--set", "criticWidth=4", "--set", "generatorWidth=4", "--set", "encoderWidth=4",
                "--set", "latentSize=16", "--set", "batchSize=8", "--set", "generatorIterations=2",
                "--set", "encoderIterations=2");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path version = root.resolve("data/models/fanogan_XR_HAND/v1");
        assertThat(ModelBundleReader.read(Files.readAllBytes(version.resolve("bundle.zip")), TrainerFixtures.KEY)
                .manifest().name()).isEqualTo("fanogan/XR_HAND");
        assertThat(version.resolve("report.json")).isRegularFile();
        assertThat(printed()).contains("== fanogan/XR_HAND: training", "[GAN 2/2]", "[ENCODER 2/2]",
                "fanogan/XR_HAND@v1 on the valid split:", "bundle: " + version.resolve("bundle.zip"));
        assertThat(printed().lines()).anyMatch(line -> line.startsWith("XR_HAND "));
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isEqualTo(CommandApplication.OK);
        assertThat(printed()).contains("train --dataset DIR", "evaluate --dataset DIR --bundle FILE",
                "publish --bundle FILE", "rollback --model NAME --version V");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("evalute")).isEqualTo(CommandApplication.USAGE);
        assertThat(errors()).contains("unknown command 'evalute'", "evaluate --dataset DIR");
    }

    @Test
    void aMissingOptionIsAUsageErrorThatNamesItAndShowsTheCommandsUsage() {
        assertThat(run("evaluate", "--dataset", dataset.toString())).isEqualTo(CommandApplication.USAGE);
        assertThat(errors()).contains("evaluate: --bundle is required",
                "usage: evaluate --dataset DIR --bundle FILE [--out DIR]");
    }

    @Test
    void malformedValuesAreUsageErrorsThatNameTheOption() {
        assertThat(run("train", "--dataset", dataset.toString(), "--size", "big"))
                .isEqualTo(CommandApplication.USAGE);
        assertThat(run("train", "--dataset", dataset.toString(), "--set", "generatorIterations"))
                .isEqualTo(CommandApplication.USAGE);
        assertThat(errors()).contains("--size must be a whole number, was 'big'", "--set needs name=value");
    }

    @Test
    void badInputIsReportedWithExitStatus2() {
        assertThat(run("train", "--dataset", root.resolve("missing").toString()))
                .isEqualTo(CommandApplication.USAGE);
        assertThat(run("train", "--dataset", dataset.toString(), "--algorithm", "vae"))
                .isEqualTo(CommandApplication.USAGE);
        assertThat(errors()).contains(root.resolve("missing").toString(), "unknown algorithm 'vae'");
    }

    private int run(String... args) {
        return application.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
