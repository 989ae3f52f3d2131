package org.xray.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.xray.contracts.BodyPart.XR_HAND;
import static org.xray.contracts.BodyPart.XR_WRIST;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyAggregationTest {

    // s1 (abnormal): 0.2, 0.6, 0.4; s2 (normal): 0.1, 0.3 - interleaved
    private static final List<ScoredImage> IMAGES = List.of(
            new ScoredImage("s1/i1", "s1", XR_HAND, 0.2, true),
            new ScoredImage("s2/i1", "s2", XR_HAND, 0.1, false),
            new ScoredImage("s1/i2", "s1", XR_HAND, 0.6, true),
            new ScoredImage("s2/i2", "s2", XR_HAND, 0.3, false),
            new ScoredImage("s1/i3", "s1", XR_HAND, 0.4, true));

    @Test
    void maxTakesTheHighestImageScoreOfEachStudy() {
        assertThat(StudyAggregation.MAX.aggregate(IMAGES)).containsExactly(
                new ScoredStudy("s1", XR_HAND, 0.6, true, 3),
                new ScoredStudy("s2", XR_HAND, 0.3, false, 2));
    }

    @Test
    void meanAveragesTheImageScoresOfEachStudy() {
        // s1: (0.2 + 0.6 + 0.4) / 3 = 0.4; s2: (0.1 + 0.3) / 2 = 0.2
        List<ScoredStudy> studies = StudyAggregation.MEAN.aggregate(IMAGES);
        assertThat(studies).extracting(ScoredStudy::studyId).containsExactly("s1", "s2");
        assertThat(studies.get(0).score()).isCloseTo(0.4, within(1e-12));
        assertThat(studies.get(1).score()).isCloseTo(0.2, within(1e-12));
        assertThat(studies).extracting(ScoredStudy::imageCount).containsExactly(3, 2);
    }

    @Test
    void refusesAStudyWhoseImagesDisagreeOnItsLabel() {
        List<ScoredImage> images = List.of(
                new ScoredImage("a", "s1", XR_HAND, 0.2, true),
                new ScoredImage("b", "s1", XR_HAND, 0.3, false));
        assertThatThrownBy(() -> StudyAggregation.MAX.aggregate(images))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("study s1 has inconsistent labels")
                .hasMessageContaining("image a is abnormal but image b is normal");
    }

    @Test
    void refusesAStudyIdUsedForTwoBodyParts() {
        List<ScoredImage> images = List.of(
                new ScoredImage("a", "s1", XR_HAND, 0.2, true),
                new ScoredImage("b", "s1", XR_WRIST, 0.3, true));
        assertThatThrownBy(() -> StudyAggregation.MAX.aggregate(images))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spans body parts");
    }

    @Test
    void refusesNonFiniteScores() {
        assertThatThrownBy(() -> new ScoredImage("a", "s1", XR_HAND, Double.NaN, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }
}
