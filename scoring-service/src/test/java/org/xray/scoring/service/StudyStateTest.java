package org.xray.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xray.evaluation.StudyAggregation;

class StudyStateTest {

    private static final double THRESHOLD = 0.5;

    @Test
    void raisesTheFirstAlertWhenTheStudyScoreReachesTheThreshold() {
        StudyState below = StudyState.EMPTY.with("a", 0.2, THRESHOLD, StudyAggregation.MAX);
        StudyState reached = below.with("b", 0.5, THRESHOLD, StudyAggregation.MAX);

        assertThat(below.alertRevision()).isZero();
        assertThat(reached.alertRevision()).isEqualTo(1);
        assertThat(reached.alertedScore()).isEqualTo(0.5);
        assertThat(reached.imageCount()).isEqualTo(2);
    }

    @Test
    void revisesTheAlertOnlyWhenTheStudyScoreRisesAboveTheAlertedScore() {
        StudyState alerted = StudyState.EMPTY.with("a", 0.7, THRESHOLD, StudyAggregation.MAX);
        StudyState lower = alerted.with("b", 0.6, THRESHOLD, StudyAggregation.MAX);
        StudyState higher = lower.with("c", 0.9, THRESHOLD, StudyAggregation.MAX);

        assertThat(lower.alertRevision()).isEqualTo(1);
        assertThat(higher.alertRevision()).isEqualTo(2);
        assertThat(higher.score(StudyAggregation.MAX)).isEqualTo(0.9);
    }

    @Test
    void meanAggregationCanFallBelowTheThresholdWithoutRetractingTheAlert() {
        StudyState alerted = StudyState.EMPTY.with("a", 0.8, THRESHOLD, StudyAggregation.MEAN);
        StudyState diluted = alerted.with("b", 0.0, THRESHOLD, StudyAggregation.MEAN);

        assertThat(diluted.score(StudyAggregation.MEAN)).isEqualTo(0.4);
        assertThat(diluted.alertRevision()).isEqualTo(1);
    }

    @Test
    void aRedeliveredImageChangesNothing() {
        StudyState alerted = StudyState.EMPTY.with("a", 0.7, THRESHOLD, StudyAggregation.MAX);

        assertThat(alerted.with("a", 0.9, THRESHOLD, StudyAggregation.MAX)).isSameAs(alerted);
    }
}
