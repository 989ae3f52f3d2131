package org.xray.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CohensKappaTest {

    @Test
    void matchesAHandComputedTwoByTwoTable() {
        // predicted x actual: tp 20, fp 5, fn 10, tn 15 (n 50)
        // p_o = (20 + 15) / 50 = 0.7
        // predicted abnormal 25/50 = 0.5, actually abnormal 30/50 = 0.6
        // p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5
        // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
        boolean[] predicted = new boolean[50];
        boolean[] actual = new boolean[50];
        fill(predicted, actual, 0, 20, true, true);
        fill(predicted, actual, 20, 25, true, false);
        fill(predicted, actual, 25, 35, false, true);
        fill(predicted, actual, 35, 50, false, false);
        assertThat(CohensKappa.of(predicted, actual)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void isOneForPerfectAgreementAndMinusOneForPerfectDisagreement() {
        assertThat(CohensKappa.of(new boolean[] {true, false}, new boolean[] {true, false})).isEqualTo(1.0);
        // p_o = 0, p_e = 0.5 * 0.5 + 0.5 * 0.5 = 0.5 -> (0 - 0.5) / 0.5 = -1
        assertThat(CohensKappa.of(new boolean[] {true, false}, new boolean[] {false, true})).isEqualTo(-1.0);
    }

    @Test
    void isZeroForAConstantPredictor() {
        // all called abnormal, half are: p_o = 0.5, p_e = 1 * 0.5 + 0 * 0.5 = 0.5 -> 0
        assertThat(CohensKappa.of(new boolean[] {true, true}, new boolean[] {true, false})).isEqualTo(0.0);
    }

    @Test
    void isZeroWhenBothRatersGiveEveryItemTheSameLabel() {
        // p_o = p_e = 1: 0/0 in the formula, defined as 0 (no agreement beyond chance is shown)
        assertThat(CohensKappa.of(new boolean[] {true, true}, new boolean[] {true, true})).isEqualTo(0.0);
        assertThat(CohensKappa.of(new boolean[] {false}, new boolean[] {false})).isEqualTo(0.0);
    }

    @Test
    void refusesMismatchedOrEmptyInput() {
        assertThatThrownBy(() -> CohensKappa.of(new boolean[] {true}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pair up");
        assertThatThrownBy(() -> CohensKappa.of(new boolean[0], new boolean[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero items");
    }

    private static void fill(boolean[] predicted, boolean[] actual, int from, int to, boolean p, boolean a) {
        Arrays.fill(predicted, from, to, p);
        Arrays.fill(actual, from, to, a);
    }
}
