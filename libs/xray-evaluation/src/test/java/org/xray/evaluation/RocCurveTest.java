package org.xray.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void runsFromTheOriginToOneOnePointPerDistinctScore() {
        // scikit-learn's roc_curve example: falling thresholds inf, 0.8, 0.4, 0.35, 0.1
        // 0.8 flags one abnormal (tpr 1/2); 0.4 adds a normal (fpr 1/2); 0.35 the other abnormal; 0.1 everything.
        var points = RocCurve.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
        assertThat(points).containsExactly(
                new RocPoint(Double.POSITIVE_INFINITY, 0, 0),
                new RocPoint(0.8, 0, 0.5),
                new RocPoint(0.4, 0.5, 0.5),
                new RocPoint(0.35, 0.5, 1),
                new RocPoint(0.1, 1, 1));
    }

    @Test
    void collapsesTiedScoresIntoOnePoint() {
        // 0.5 flags the abnormal and one normal at once: (1/2, 1), not a step through (0, 1) or (1/2, 0)
        var points = RocCurve.of(new double[] {0.5, 0.5, 0.2}, new boolean[] {true, false, false});
        assertThat(points).containsExactly(
                new RocPoint(Double.POSITIVE_INFINITY, 0, 0),
                new RocPoint(0.5, 0.5, 1),
                new RocPoint(0.2, 1, 1));
    }
}
