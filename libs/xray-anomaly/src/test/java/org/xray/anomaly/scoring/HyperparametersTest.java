package org.xray.anomaly.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.xray.anomaly.alphagan.AlphaGanConfig;
import org.xray.anomaly.fanogan.FAnoGanConfig;

class HyperparametersTest {

    @Test
    void fAnoGanConfigSurvivesTheRoundTrip() {
        FAnoGanConfig config = FAnoGanConfig.published().withLearningRate(3.5e-5).withSeed(-7)
                .withDataType(DataType.DOUBLE);

        assertThat(Hyperparameters.parse(FAnoGanConfig.class, Hyperparameters.of(config))).isEqualTo(config);
    }

    @Test
    void alphaGanConfigSurvivesTheRoundTrip() {
        AlphaGanConfig config = AlphaGanConfig.small().withReconstructionWeight(0.25);

        assertThat(Hyperparameters.parse(AlphaGanConfig.class, Hyperparameters.of(config))).isEqualTo(config);
    }

    @Test
    void ignoresKeysTheConfigDoesNotKnow() {
        Map<String, String> values = new TreeMap<>(Hyperparameters.of(FAnoGanConfig.small()));
        values.put("addedByANewerTrainer", "1");

        assertThat(Hyperparameters.parse(FAnoGanConfig.class, values)).isEqualTo(FAnoGanConfig.small());
    }

    @Test
    void namesAMissingValue() {
        Map<String, String> values = new TreeMap<>(Hyperparameters.of(FAnoGanConfig.small()));
        values.remove("kappa");

        assertThatThrownBy(() -> Hyperparameters.parse(FAnoGanConfig.class, values))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lack 'kappa'");
    }

    @Test
    void namesAMalformedValue() {
        Map<String, String> values = new TreeMap<>(Hyperparameters.of(FAnoGanConfig.small()));
        values.put("batchSize", "lots");

        assertThatThrownBy(() -> Hyperparameters.parse(FAnoGanConfig.class, values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'batchSize' must be a int, was 'lots'");
    }

    @Test
    void passesOnTheConfigsOwnValidationError() {
        Map<String, String> values = new TreeMap<>(Hyperparameters.of(FAnoGanConfig.small()));
        values.put("imageSize", "48");

        assertThatThrownBy(() -> Hyperparameters.parse(FAnoGanConfig.class, values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imageSize must be a power of two");
    }
}
