package org.xray.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;

class PromotionGateTest {

    private static final ModelManifest CURRENT = new ModelManifest(1, "fanogan/XR_HAND", "v1", "fanogan", 64,
            ModelStatus.CURRENT, "fanogan/XR_HAND@v1", "0".repeat(64), 1, Map.of(),
            Map.of("meanRocAuc", 0.80, "meanAveragePrecision", 0.70, "kappa", 0.50), Instant.EPOCH, Instant.EPOCH, Optional.empty());
    private final PromotionGate gate = new PromotionGate(0.02);

    @Test
    void theFirstVersionBecomesCurrent() {
        assertThat(gate.decide(Map.of("meanRocAuc", 0.5), Optional.empty()).status()).isEqualTo(ModelStatus.CURRENT);
    }

    @Test
    void aVersionWithinTheMarginBecomesCurrent() {
        PromotionGate.Decision decision = gate.decide(Map.of("meanRocAuc", 0.79, "meanAveragePrecision", 0.69,
                "kappa", 0.49), Optional.of(CURRENT));

        assertThat(decision.status()).isEqualTo(ModelStatus.CURRENT);
    }

    @Test
    void aVersionWorseByMoreThanTheMarginOnAnyFigureIsAChallengerAndSaysWhy() {
        PromotionGate.Decision decision = gate.decide(Map.of("meanRocAuc", 0.85, "meanAveragePrecision", 0.75,
                "kappa", 0.40), Optional.of(CURRENT));

        assertThat(decision.status()).isEqualTo(ModelStatus.CHALLENGER);
        assertThat(decision.reason()).isEqualTo(
                "kappa 0.4000 is worse than current version v1's 0.5000 by more than the margin 0.0200");
    }
}
