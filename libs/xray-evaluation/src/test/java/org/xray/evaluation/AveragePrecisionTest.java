package org.xray.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

    @Test
    void matchesScikitLearnsDocumentedExample() {
        // falling thresholds: 0.8 (abnormal): R 1/2, P 1 -> +1/2; 0.4 (normal): R unchanged -> +0;
        // 0.35 (abnormal): R 1, P 2/3 -> +1/2 * 2/3 = 1/3; 0.1 (normal): +0. AP = 5/6 = 0.8333
        double ap = AveragePrecision.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
        assertThat(ap).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void treatsTiedScoresAsOneThreshold() {
        // 0.5 is one threshold flagging the abnormal and a normal together: R 1, P 1/2 -> AP 1/2
        // (taking the abnormal first would wrongly give P 1)
        double ap = AveragePrecision.of(new double[] {0.5, 0.5, 0.2}, new boolean[] {false, true, false});
        assertThat(ap).isEqualTo(0.5);
    }

    @Test
    void isOneWhenEveryAbnormalCaseOutranksEveryNormalOne() {
        assertThat(AveragePrecision.of(new double[] {0.9, 0.8, 0.1}, new boolean[] {true, true, false})).isEqualTo(1.0);
        assertThat(AveragePrecision.of(new double[] {0.3}, new boolean[] {true})).isEqualTo(1.0);
    }

    @Test
    void refusesInputWithoutAnAbnormalCase() {
        assertThatThrownBy(() -> AveragePrecision.of(new double[] {0.3, 0.4}, new boolean[] {false, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without an abnormal case");
    }
}
