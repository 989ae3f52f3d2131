package org.xray.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.scoring.TrainedModel;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.scoring.TestModels;

class ModelRouterTest {

    private static TrainedModel model;
    private final ModelRegistry registry = new ModelRegistry();
    private final ModelRouter router = new ModelRouter(registry, "fanogan", Optional.of("fanogan/ALL"));

    @BeforeAll
    static void trainTinyModel() {
        model = TestModels.model(9);
    }

    @Test
    void routesABodyPartToItsOwnModelAndThreshold() {
        serve("fanogan/XR_HAND", "1", ModelStatus.CURRENT, Map.of("XR_HAND", 0.4));
        serve("fanogan/ALL", "1", ModelStatus.CURRENT, Map.of("XR_HAND", 0.9));

        ModelRoute route = router.route(BodyPart.XR_HAND);

        assertThat(route.model().manifest().name()).isEqualTo("fanogan/XR_HAND");
        assertThat(route.threshold()).isEqualTo(0.4);
        assertThat(route.challenger()).isEmpty();
    }

    @Test
    void fallsBackToTheFallbackModelWithItsThresholdForThePartOrForUnknown() {
        serve("fanogan/ALL", "1", ModelStatus.CURRENT, Map.of("XR_WRIST", 0.3, "UNKNOWN", 0.8));

        assertThat(router.route(BodyPart.XR_WRIST).threshold()).isEqualTo(0.3);
        assertThat(router.route(BodyPart.UNKNOWN).threshold()).isEqualTo(0.8);
        assertThat(router.route(BodyPart.XR_ELBOW).threshold()).isEqualTo(0.8);
    }

    @Test
    void bringsTheChallengerAlongHeldToItsOwnThreshold() {
        serve("fanogan/XR_HAND", "1", ModelStatus.CURRENT, Map.of("XR_HAND", 0.4));
        serve("fanogan/XR_HAND", "2", ModelStatus.CHALLENGER, Map.of("XR_HAND", 0.6));

        ModelRoute route = router.route(BodyPart.XR_HAND);

        assertThat(route.model().manifest().version()).isEqualTo("1");
        assertThat(route.challenger()).hasValueSatisfying(challenger -> {
            assertThat(challenger.model().manifest().version()).isEqualTo("2");
            assertThat(challenger.threshold()).isEqualTo(0.6);
        });
    }

    @Test
    void namesWhatItLookedForWhenNoModelServesThePart() {
        serve("fanogan/XR_HAND", "1", ModelStatus.CURRENT, Map.of("XR_HAND", 0.4));

        assertThatThrownBy(() -> router.route(BodyPart.XR_ELBOW)).isInstanceOf(NoModelException.class)
                .hasMessageContaining("no model serves XR_ELBOW: looked for fanogan/XR_ELBOW and the fallback "
                        + "fanogan/ALL").hasMessageContaining("fanogan/XR_HAND@1");
    }

    private void serve(String name, String version, ModelStatus status, Map<String, Double> thresholds) {
        ModelManifest manifest = new ModelManifest(1, name, version, "fanogan", TestModels.SIZE, status,
                ModelManifest.artifactKey(name, version), "0".repeat(64), 1, thresholds, Map.of(), Instant.EPOCH,
                Instant.EPOCH, Optional.empty());
        registry.serve(new ServedModel(manifest, Map.of(), new ModelCopies(model, 1), Instant.EPOCH));
    }
}
