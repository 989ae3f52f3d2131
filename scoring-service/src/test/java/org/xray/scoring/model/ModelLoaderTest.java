package org.xray.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.bundle.ModelBundleWriter;
import org.xray.anomaly.bundle.ModelManifests;
import org.xray.anomaly.scoring.TrainedModel;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.imaging.GrayImage;
import org.xray.scoring.TestModels;

class ModelLoaderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static TrainedModel model;
    private static ModelBundle bundle;
    private final ModelLoader loader = new ModelLoader(TestModels.KEY, 2, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void trainTinyModel() {
        model = TestModels.model(5);
        bundle = TestModels.bundle(model, "fanogan/XR_HAND", "v1", Map.of("XR_HAND", 0.5));
    }

    @Test
    void loadsAVerifiedBundleThatScoresLikeTheTrainedModel() {
        byte[] zip = ModelBundleWriter.write(bundle, TestModels.KEY);

        ServedModel served = loader.load(announce(bundle, zip), zip);

        List<GrayImage> images = List.of(new GrayImage(TestModels.SIZE, TestModels.SIZE,
                TestModels.image("s", BodyPart.XR_HAND, TestModels.SIZE, 3).pixelBytes()));
        assertThat(served.score(images)).usingRecursiveFieldByFieldElementComparator().isEqualTo(model.score(images));
        assertThat(served.loadedAt()).isEqualTo(NOW);
    }

    @Test
    void refusesBytesThatAreNotTheOnesAnnounced() {
        byte[] zip = ModelBundleWriter.write(bundle, TestModels.KEY);
        ModelManifest manifest = announce(bundle, zip);
        zip[zip.length / 2] ^= 1;

        assertThatThrownBy(() -> loader.load(manifest, zip)).isInstanceOf(ModelRefusedException.class)
                .hasMessageContaining("does not match the SHA-256 and size its manifest announced")
                .extracting(e -> ((ModelRefusedException) e).reason()).isEqualTo("invalid-artifact");
    }

    @Test
    void refusesABundleSignedWithAnotherKey() {
        byte[] zip = ModelBundleWriter.write(bundle, "another-key-0123456789".getBytes());

        assertThatThrownBy(() -> loader.load(announce(bundle, zip), zip)).isInstanceOf(ModelRefusedException.class)
                .hasMessageContaining("signed with a different key");
    }

    @Test
    void refusesABundleOtherThanTheOneTheManifestNames() {
        byte[] zip = ModelBundleWriter.write(bundle, TestModels.KEY);
        ModelManifest announced = announce(bundle, zip);
        ModelManifest otherName = new ModelManifest(1, "fanogan/XR_WRIST", "v1", "fanogan", TestModels.SIZE,
                ModelStatus.CURRENT, "fanogan/XR_WRIST@v1", announced.artifactSha256(), announced.artifactBytes(),
                Map.of(), Map.of(), NOW, NOW, Optional.empty());

        assertThatThrownBy(() -> loader.load(otherName, zip)).isInstanceOf(ModelRefusedException.class)
                .hasMessageContaining("is fanogan/XR_HAND@v1 (fanogan, 16px) but its manifest announced "
                        + "fanogan/XR_WRIST@v1");
    }

    @Test
    void refusesAnnouncedThresholdsThatAreNotTheSignedOnes() {
        byte[] zip = ModelBundleWriter.write(bundle, TestModels.KEY);
        ModelManifest announced = announce(bundle, zip);
        ModelManifest silenced = new ModelManifest(1, announced.name(), announced.version(), announced.algorithm(),
                announced.imageSize(), announced.status(), announced.artifactKey(), announced.artifactSha256(),
                announced.artifactBytes(), Map.of("XR_HAND", 1e9), announced.metrics(), NOW, NOW, Optional.empty());

        assertThatThrownBy(() -> loader.load(silenced, zip)).isInstanceOf(ModelRefusedException.class)
                .hasMessageContaining("differ from those signed in its bundle");
    }

    private static ModelManifest announce(ModelBundle bundle, byte[] zip) {
        return ModelManifests.announce(bundle.manifest(), zip, ModelStatus.CURRENT, NOW);
    }
}
