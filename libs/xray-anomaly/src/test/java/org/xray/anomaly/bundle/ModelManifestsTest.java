package org.xray.anomaly.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.events.ValidationRoc;

class ModelManifestsTest {

    private static final byte[] ZIP = "bundle bytes".getBytes();

    @Test
    void announcesTheSignedThresholdsMetricsAndRocCurves() {
        BundleManifest bundle = Bundles.manifest();

        ModelManifest announced = ModelManifests.announce(bundle, ZIP, ModelStatus.CURRENT, Instant.EPOCH);

        assertThat(announced.thresholds()).isEqualTo(bundle.thresholds());
        assertThat(announced.metrics()).isEqualTo(bundle.validationMetrics());
        assertThat(announced.rocCurves()).contains(bundle.validationRocCurves());
        ModelManifests.requireBundleMatches(announced, bundle);
    }

    @Test
    void refusesAnAnnouncementWhoseRocCurveDiffersFromTheSignedOne() {
        BundleManifest bundle = Bundles.manifest();
        ModelManifest announced = ModelManifests.announce(bundle, ZIP, ModelStatus.CURRENT, Instant.EPOCH);
        ModelManifest flattering = new ModelManifest(announced.schemaVersion(), announced.name(), announced.version(),
                announced.algorithm(), announced.imageSize(), announced.status(), announced.artifactKey(),
                announced.artifactSha256(), announced.artifactBytes(), announced.thresholds(), announced.metrics(),
                announced.createdAt(), announced.publishedAt(), Optional.of(Map.of("XR_HAND",
                new ValidationRoc(List.of(0.0, 0.0, 1.0), List.of(0.0, 1.0, 1.0)))));

        assertThatThrownBy(() -> ModelManifests.requireBundleMatches(flattering, bundle))
                .isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("ROC curves announced for " + announced.artifactKey());
    }
}
