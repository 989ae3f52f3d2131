package org.xray.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xray.contracts.BodyPart;
import org.xray.contracts.ContractViolationException;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.Samples;

/** The checks in the records' constructors: a broken event cannot be built, whether in code or from JSON. */
class EventRecordsTest {

    private static final Instant NOW = Samples.RECEIVED_AT;

    @Test
    void blankIdIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new ImageMetadata(" ", "s", BodyPart.XR_HAND, "pk", "src", NOW, "t"))
                .isInstanceOf(ContractViolationException.class)
                .hasMessage("image.imageId must not be blank");
    }

    @Test
    void schemaVersionBelowOneIsRejected() {
        assertThatThrownBy(() -> new RawImageHeaders(0, Samples.image(), ImageFormat.PNG, Optional.empty()))
                .hasMessage("RawImageHeaders.schemaVersion must be >= 1, was 0");
    }

    @Test
    void alertIdMustBeStudyAtModelAtVersion() {
        AlertEvent alert = Samples.alertEvent();

        assertThat(alert.alertId()).isEqualTo(Samples.STUDY_ID + "@fanogan/XR_HAND@7");
        assertThatThrownBy(() -> new AlertEvent(1, "other", alert.studyId(), alert.bodyPart(), alert.patientKey(),
                alert.modelName(), alert.modelVersion(), 1.0, 0.5, 1, "img", 1, "t", NOW))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("AlertEvent.alertId must be '" + alert.alertId() + "'");
    }

    @Test
    void artifactKeyMustBeNameAtVersion() {
        ModelManifest m = Samples.modelManifest();

        assertThat(m.artifactKey()).isEqualTo("fanogan/XR_HAND@7");
        assertThatThrownBy(() -> new ModelManifest(1, m.name(), m.version(), m.algorithm(), 64, m.status(),
                "fanogan/XR_HAND@6", m.artifactSha256(), 1, Map.of(), Map.of(), NOW, NOW, Optional.empty()))
                .hasMessageContaining("ModelManifest.artifactKey must be 'fanogan/XR_HAND@7'");
    }

    @Test
    void challengerManifestHasItsOwnKeySoItNeverCompactsTheCurrentVersionAway() {
        ModelManifest current = Samples.modelManifest();
        ModelManifest challenger = new ModelManifest(1, current.name(), "8", current.algorithm(), 64,
                ModelStatus.CHALLENGER, ModelManifest.artifactKey(current.name(), "8"), current.artifactSha256(), 1,
                Map.of(), Map.of(), NOW, NOW, Optional.empty());

        assertThat(current.topicKey()).isEqualTo("fanogan/XR_HAND");
        assertThat(challenger.topicKey()).isEqualTo("fanogan/XR_HAND#challenger");
    }

    @Test
    void manifestRejectsBadChecksumOversizeArtifactAndUnknownThresholdKey() {
        ModelManifest m = Samples.modelManifest();

        assertThatThrownBy(() -> new ModelManifest(1, m.name(), m.version(), m.algorithm(), 64, m.status(),
                m.artifactKey(), "ABC", 1, Map.of(), Map.of(), NOW, NOW, Optional.empty()))
                .hasMessageContaining("artifactSha256");
        assertThatThrownBy(() -> new ModelManifest(1, m.name(), m.version(), m.algorithm(), 64, m.status(),
                m.artifactKey(), m.artifactSha256(), 65L * 1024 * 1024, Map.of(), Map.of(), NOW, NOW, Optional.empty()))
                .hasMessageContaining("exceeds the artifact limit");
        assertThatThrownBy(() -> new ModelManifest(1, m.name(), m.version(), m.algorithm(), 64, m.status(),
                m.artifactKey(), m.artifactSha256(), 1, Map.of("HAND", 0.1), Map.of(), NOW, NOW, Optional.empty()))
                .hasMessageContaining("thresholds key 'HAND'");
    }

    @Test
    void nonFiniteScoreIsRejectedBecauseJsonCannotCarryIt() {
        ScoreEvent s = Samples.scoreEvent();

        assertThatThrownBy(() -> new ScoreEvent(1, s.image(), s.modelName(), s.modelVersion(), 0, 0, Double.NaN, 0,
                false, 0, 1, 0, NOW, Optional.empty(), Optional.empty()))
                .hasMessage("ScoreEvent.score must be a finite number, was NaN");
    }

    @Test
    void pixelsMustHoldOneBytePerPixel() {
        PreprocessedImage p = Samples.preprocessedImage();

        assertThat(p.pixelBytes()).hasSize(12).startsWith(0, 20, 40);
        assertThat(p.maskBytes()).hasValueSatisfying(mask -> assertThat(mask[5]).isEqualTo((byte) 255));
        assertThatThrownBy(() -> new PreprocessedImage(1, p.image(), p.sourceFormat(), 5, 3, p.pixels(),
                Optional.empty(), List.of(), NOW))
                .hasMessageContaining("PreprocessedImage.pixels must be base64 of 5x3 bytes");
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        List<PreprocessingStep> steps = new ArrayList<>(List.of(new PreprocessingStep("crop", Map.of())));
        Map<String, String> parameters = new HashMap<>(Map.of("clipLimit", "2.0"));
        PreprocessingStep clahe = new PreprocessingStep("clahe", parameters);
        PreprocessedImage p = Samples.preprocessedImage();
        PreprocessedImage image = new PreprocessedImage(1, p.image(), p.sourceFormat(), 4, 3, p.pixels(),
                Optional.empty(), steps, NOW);

        steps.add(clahe);
        parameters.put("tiles", "8");

        assertThat(image.preprocessing()).hasSize(1);
        assertThat(clahe.parameters()).containsOnlyKeys("clipLimit");
        assertThatThrownBy(() -> image.preprocessing().add(clahe)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Samples.modelManifest().metrics().put("x", 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
