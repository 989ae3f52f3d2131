package org.xray.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void countsTheShareOfAbnormalNormalPairsRankedCorrectly() {
        // abnormal {0.35, 0.8} vs normal {0.1, 0.4}: 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes -> 3/4
        double auc = RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
        assertThat(auc).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void givesHalfCreditToATieBetweenAnAbnormalAndANormalCase() {
        assertThat(RocAuc.of(new double[] {0.5, 0.5}, new boolean[] {true, false})).isEqualTo(0.5);
        // abnormal {0.5, 0.9} vs normal {0.2, 0.5}: 0.5>0.2 = 1, 0.5=0.5 = 1/2, 0.9 beats both = 2 -> 3.5/4
        double auc = RocAuc.of(new double[] {0.2, 0.5, 0.5, 0.9}, new boolean[] {false, true, false, true});
        assertThat(auc).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void isOneForAPerfectRankingAndZeroForAReversedOne() {
        boolean[] labels = {false, false, true, true};
        assertThat(RocAuc.of(new double[] {1, 2, 3, 4}, labels)).isEqualTo(1.0);
        assertThat(RocAuc.of(new double[] {4, 3, 2, 1}, labels)).isEqualTo(0.0);
    }

    @Test
    void refusesMismatchedLengthsAMissingClassAndNonFiniteScores() {
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1, 0.2}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 scores but 1 labels");
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1, 0.2}, new boolean[] {false, false}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both classes").hasMessageContaining("0 abnormal and 2 normal");
        assertThatThrownBy(() -> RocAuc.of(new double[] {Double.NaN, 0.2}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }
}
