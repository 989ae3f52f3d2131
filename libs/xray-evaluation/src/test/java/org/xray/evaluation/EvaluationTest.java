package org.xray.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.xray.contracts.BodyPart.XR_HAND;
import static org.xray.contracts.BodyPart.XR_WRIST;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /*
     * XR_HAND  h1 A {0.9, 0.2}  h2 N {0.3}  h3 N {0.1, 0.4}  h4 A {0.6}
     *   image AUC: abnormal {0.9, 0.2, 0.6} vs normal {0.3, 0.1, 0.4}: 3 + 1 + 3 wins of 9 = 7/9
     *   image AP : 0.9 A R1/3 P1 -> 1/3; 0.6 A R2/3 P1 -> 1/3; 0.4 N; 0.3 N; 0.2 A R1 P3/5 -> 1/5; = 13/15
     *   studies (max): 0.9 A, 0.3 N, 0.4 N, 0.6 A -> separable, midpoint (0.4+0.6)/2 = 0.5, kappa 1
     * XR_WRIST w1 A {0.7}  w2 N {0.8}  w3 A {0.5}  w4 N {0.2}
     *   image AUC: abnormal {0.7, 0.5} vs normal {0.8, 0.2}: 1 + 1 wins of 4 = 1/2
     *   image AP : 0.8 N; 0.7 A R1/2 P1/2 -> 1/4; 0.5 A R1 P2/3 -> 1/3; = 7/12
     *   studies: candidates 0.2 (k 0), 0.35 (tp2 fp1 fn0 tn1: 2*2/(3*2+2*1) = 1/2), 0.6 (k 0), 0.75 (k -1/2),
     *            above 0.8 (k 0) -> threshold 0.35, kappa 1/2
     * Overall, each study at its part's threshold: tp 2+2, fp 0+1, fn 0, tn 2+1
     *   kappa = 2 (4*3 - 1*0) / ((4+1)(1+3) + (4+0)(0+3)) = 24 / 32 = 3/4
     */
    private static final List<ScoredImage> VALIDATION = List.of(
            image("h1", XR_HAND, 0.9, true), image("h1", XR_HAND, 0.2, true),
            image("h2", XR_HAND, 0.3, false),
            image("h3", XR_HAND, 0.1, false), image("h3", XR_HAND, 0.4, false),
            image("h4", XR_HAND, 0.6, true),
            image("w1", XR_WRIST, 0.7, true), image("w2", XR_WRIST, 0.8, false),
            image("w3", XR_WRIST, 0.5, true), image("w4", XR_WRIST, 0.2, false));

    @Test
    void reportsImageMetricsAndStudyKappaPerBodyPart() {
        EvaluationReport report = Evaluation.evaluate(VALIDATION, StudyAggregation.MAX,
                ThresholdRule.maximizingKappa());

        assertThat(report.parts()).extracting(BodyPartEvaluation::part).containsExactly(XR_HAND, XR_WRIST);
        BodyPartEvaluation hand = report.parts().get(0);
        assertThat(hand.images()).isEqualTo(6);
        assertThat(hand.studies()).isEqualTo(4);
        assertThat(hand.rocAuc()).isCloseTo(7.0 / 9, within(1e-12));
        assertThat(hand.averagePrecision()).isCloseTo(13.0 / 15, within(1e-12));
        assertThat(hand.threshold().value()).isCloseTo(0.5, within(1e-12));
        assertThat(hand.studyKappa()).isEqualTo(1.0);

        BodyPartEvaluation wrist = report.parts().get(1);
        assertThat(wrist.rocAuc()).isEqualTo(0.5);
        assertThat(wrist.averagePrecision()).isCloseTo(7.0 / 12, within(1e-12));
        assertThat(wrist.threshold().value()).isCloseTo(0.35, within(1e-12));
        assertThat(wrist.studyKappa()).isCloseTo(0.5, within(1e-12));

        assertThat(report.images()).isEqualTo(10);
        assertThat(report.studies()).isEqualTo(8);
        assertThat(report.studyKappa()).isCloseTo(0.75, within(1e-12));
        assertThat(report.meanRocAuc()).isCloseTo((7.0 / 9 + 0.5) / 2, within(1e-12));
        assertThat(report.meanAveragePrecision()).isCloseTo((13.0 / 15 + 7.0 / 12) / 2, within(1e-12));
    }

    @Test
    void meanAggregationChangesTheStudyScoresAndSoTheThreshold() {
        // hand studies by mean: h1 0.55 A, h2 0.3 N, h3 0.25 N, h4 0.6 A -> midpoint (0.3 + 0.55) / 2 = 0.425
        EvaluationReport report = Evaluation.evaluate(VALIDATION, StudyAggregation.MEAN,
                ThresholdRule.maximizingKappa());
        assertThat(report.parts().get(0).threshold().value()).isCloseTo(0.425, within(1e-12));
        assertThat(report.parts().get(0).studyKappa()).isEqualTo(1.0);
    }

    @Test
    void exposesThresholdsAndMetricsUnderManifestNames() {
        EvaluationReport report = Evaluation.evaluate(VALIDATION, StudyAggregation.MAX,
                ThresholdRule.maximizingKappa());
        assertThat(report.thresholds()).containsOnlyKeys("XR_HAND", "XR_WRIST");
        assertThat(report.metrics()).containsKeys("kappa", "meanRocAuc", "meanAveragePrecision",
                "XR_HAND.rocAuc", "XR_HAND.averagePrecision", "XR_HAND.kappa", "XR_WRIST.kappa");
        assertThat(report.metrics().get("kappa")).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void namesTheBodyPartThatLacksAbnormalStudies() {
        List<ScoredImage> images = new ArrayList<>(VALIDATION);
        images.removeIf(image -> image.bodyPart() == XR_WRIST && image.abnormal());
        assertThatThrownBy(() -> Evaluation.evaluate(images, StudyAggregation.MAX, ThresholdRule.maximizingKappa()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XR_WRIST");
        assertThatThrownBy(() -> Evaluation.evaluate(images, StudyAggregation.MAX,
                ThresholdRule.falsePositiveRate(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XR_WRIST");
    }

    private static int counter;

    private static ScoredImage image(String study, org.xray.contracts.BodyPart part, double score, boolean abnormal) {
        return new ScoredImage(study + "/image" + counter++, study, part, score, abnormal);
    }
}
