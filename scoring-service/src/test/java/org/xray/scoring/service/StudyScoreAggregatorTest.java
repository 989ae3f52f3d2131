package org.xray.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xray.evaluation.StudyAggregation;
import org.xray.scoring.service.StudyScoreAggregator.StudyUpdate;

class StudyScoreAggregatorTest {

    private static final double THRESHOLD = 0.5;

    @Test
    void imagesOfOneBatchSeeEachOther() {
        StudyScoreAggregator.Batch batch = new StudyScoreAggregator(StudyAggregation.MAX, 10).batch();

        batch.add("s", "a", 0.6, THRESHOLD);
        StudyUpdate second = batch.add("s", "b", 0.4, THRESHOLD);

        assertThat(second).isEqualTo(new StudyUpdate(0.6, 2, 1, false));
    }

    @Test
    void anUncommittedBatchLeavesNoTraceSoItsRetryRaisesTheSameAlert() {
        StudyScoreAggregator studies = new StudyScoreAggregator(StudyAggregation.MAX, 10);
        StudyUpdate failed = studies.batch().add("s", "a", 0.6, THRESHOLD);

        StudyScoreAggregator.Batch retry = studies.batch();
        StudyUpdate retried = retry.add("s", "a", 0.6, THRESHOLD);
        retry.commit();

        assertThat(retried).isEqualTo(failed).extracting(StudyUpdate::alertRaised).isEqualTo(true);
        assertThat(studies.batch().add("s", "a", 0.6, THRESHOLD).alertRaised()).isFalse();
    }

    @Test
    void aRestartedScorerReplayingTheStudyRaisesTheSameAlertRevisions() {
        double[] scores = {0.3, 0.7, 0.6, 0.9};

        assertThat(alertRevisions(new StudyScoreAggregator(StudyAggregation.MAX, 10), scores))
                .isEqualTo(alertRevisions(new StudyScoreAggregator(StudyAggregation.MAX, 10), scores))
                .containsExactly(1, 2);
    }

    @Test
    void forgetsTheLeastRecentlySeenStudyBeyondItsCapacity() {
        StudyScoreAggregator studies = new StudyScoreAggregator(StudyAggregation.MAX, 2);
        for (String study : List.of("s1", "s2", "s3")) {
            StudyScoreAggregator.Batch batch = studies.batch();
            batch.add(study, "a", 0.1, THRESHOLD);
            batch.commit();
        }

        assertThat(studies.batch().add("s1", "b", 0.1, THRESHOLD).imageCount()).isEqualTo(1);
        assertThat(studies.batch().add("s3", "b", 0.1, THRESHOLD).imageCount()).isEqualTo(2);
    }

    private static List<Integer> alertRevisions(StudyScoreAggregator studies, double[] scores) {
        List<Integer> revisions = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            StudyScoreAggregator.Batch batch = studies.batch();
            StudyUpdate update = batch.add("s", "image-" + i, scores[i], THRESHOLD);
            batch.commit();
            if (update.alertRaised()) {
                revisions.add(update.alertRevision());
            }
        }
        return revisions;
    }
}
