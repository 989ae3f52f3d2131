package org.xray.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.trainer.TrainerFixtures;
import org.xray.anomaly.bundle.BundleManifest;
import org.xray.anomaly.bundle.BundleVerificationException;
import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.bundle.ModelBundleWriter;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.kafka.testkit.KafkaBrokerTestResource;
import org.xray.trainer.messaging.ModelPublisher;
import org.xray.trainer.service.ModelRelease;
import org.xray.trainer.service.PublishedVersion;

/** publish and rollback against the real broker; the bundles are signed but hold no real networks (never loaded). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class PublishAndRollbackCommandsTest {

    private static final String MODEL = "fanogan/XR_FOREARM";

    @Inject
    ModelRelease release;
    @Inject
    ModelPublisher publisher;
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void publishesThroughTheGateAndRollsBack() throws IOException {
        PublishedVersion first = publish(bundle("cli-1", 0.80, TrainerFixtures.KEY));
        PublishedVersion better = publish(bundle("cli-2", 0.85, TrainerFixtures.KEY));
        PublishedVersion worse = publish(bundle("cli-3", 0.50, TrainerFixtures.KEY));

        assertThat(first.status()).isEqualTo(ModelStatus.CURRENT);
        assertThat(better.status()).isEqualTo(ModelStatus.CURRENT);
        assertThat(worse.status()).isEqualTo(ModelStatus.CHALLENGER);
        assertThat(worse.reason()).contains("worse than current version cli-2");
        assertThat(publisher.current(MODEL)).map(ModelManifest::version).contains("cli-2");
        assertThat(printed()).contains(MODEL + "@cli-3 published as CHALLENGER: ");

        ModelManifest rolledBack = new RollbackCommand(publisher).rollback(MODEL, "cli-1", stream());

        assertThat(rolledBack.status()).isEqualTo(ModelStatus.CURRENT);
        assertThat(publisher.current(MODEL)).map(ModelManifest::version).contains("cli-1");
        assertThat(printed()).contains(MODEL + "@cli-1 is CURRENT again");
    }

    @Test
    void refusesABundleSignedWithAnotherKey() throws IOException {
        byte[] otherKey = TrainerFixtures.KEY.clone();
        otherKey[0] ^= 1;
        Path bundle = bundle("cli-forged", 1.0, otherKey);

        assertThatThrownBy(() -> publish(bundle)).isInstanceOf(BundleVerificationException.class);
        assertThat(publisher.current(MODEL).map(ModelManifest::version)).isNotEqualTo(Optional.of("cli-forged"));
    }

    private PublishedVersion publish(Path bundle) {
        return new PublishCommand(release).publish(bundle, stream());
    }

    private Path bundle(String version, double figures, byte[] key) throws IOException {
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, MODEL, version, "fanogan", 32,
                Map.of(), Map.of("XR_FOREARM", 0.5), "sha256:test", Map.of(), Map.of("meanRocAuc", figures,
                "meanAveragePrecision", figures, "kappa", figures), Map.of(), Instant.EPOCH, Map.of());
        Path file = Files.createDirectories(directory.resolve(version)).resolve("bundle.zip");
        return Files.write(file, ModelBundleWriter.write(new ModelBundle(manifest, Map.of("generator.zip",
                version.getBytes(StandardCharsets.UTF_8))), key));
    }

    private PrintStream stream() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
