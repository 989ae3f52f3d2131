package org.xray.anomaly.alphagan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreStandardisationTest {

    private static final List<double[]> TRAINING_SCORES = List.of(new double[] {0.01, 0.2, 0.1, 0.5},
            new double[] {0.03, 0.4, 0.3, 0.5}, new double[] {0.02, 0.3, 0.2, 0.5});

    @Test
    void averageTrainingImageScoresZeroAndOneDeviationAboveScoresOne() {
        ScoreStandardisation standardisation = ScoreStandardisation.of(TRAINING_SCORES);
        double[] means = standardisation.means();
        double[] oneAbove = new double[4];
        for (int s = 0; s < 4; s++) {
            oneAbove[s] = means[s] + standardisation.deviations()[s];
        }

        assertThat(means).containsExactly(new double[] {0.02, 0.3, 0.2, 0.5}, within(1e-12));
        assertThat(standardisation.standardisedMean(means)).isCloseTo(0.0, within(1e-12));
        assertThat(standardisation.standardisedMean(oneAbove)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void scoreThatWasConstantOnTrainingImagesKeepsUnitDeviation() {
        assertThat(ScoreStandardisation.of(TRAINING_SCORES).deviations()[3]).isEqualTo(1.0);
    }

    @Test
    void roundTripsThroughBytesExactly() {
        ScoreStandardisation standardisation = ScoreStandardisation.of(TRAINING_SCORES);

        ScoreStandardisation read = ScoreStandardisation.fromBytes(standardisation.toBytes());

        assertThat(read.means()).containsExactly(standardisation.means());
        assertThat(read.deviations()).containsExactly(standardisation.deviations());
    }

    @Test
    void refusesBytesThatLackAValue() {
        byte[] bytes = "maskedMse.mean=0.1\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ScoreStandardisation.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maskedMse.sd");
    }
}
