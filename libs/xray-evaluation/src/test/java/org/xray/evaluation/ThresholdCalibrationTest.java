package org.xray.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.xray.contracts.BodyPart.XR_HAND;
import static org.xray.contracts.BodyPart.XR_WRIST;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xray.contracts.BodyPart;

class ThresholdCalibrationTest {

    /*
     * Six studies: 0.1 N, 0.2 N, 0.3 A, 0.4 N, 0.5 A, 0.6 A (3 normal, 3 abnormal).
     * Candidates and kappa = 2 (tp tn - fp fn) / ((tp+fp)(fp+tn) + (tp+fn)(fn+tn)):
     *   0.1   all flagged      tp3 fp3 fn0 tn0 -> 0 / 18            = 0
     *   0.15  .2 .3 .4 .5 .6   tp3 fp2 fn0 tn1 -> 2(3) / (15+3)     = 1/3
     *   0.25  .3 .4 .5 .6      tp3 fp1 fn0 tn2 -> 2(6) / (12+6)     = 2/3   fpr 1/3 tpr 1
     *   0.35  .4 .5 .6         tp2 fp1 fn1 tn2 -> 2(4-1) / (9+9)    = 1/3
     *   0.45  .5 .6            tp2 fp0 fn1 tn3 -> 2(6) / (6+12)     = 2/3   fpr 0   tpr 2/3
     *   0.55  .6               tp1 fp0 fn2 tn3 -> 2(3) / (3+15)     = 1/3
     *   >0.6  nothing          tp0 fp0 fn3 tn3 -> 0 / 18            = 0
     */
    private static final List<ScoredStudy> SIX = studies(XR_HAND,
            0.1, false, 0.2, false, 0.3, true, 0.4, false, 0.5, true, 0.6, true);

    @Test
    void maximizingKappaPicksTheSeparatingMidpoint() {
        // 0.1 N, 0.2 N, 0.3 N | 0.4 A, 0.5 A: only the midpoint 0.35 gets every study right (kappa 1)
        Threshold threshold = ThresholdCalibration.maximizingKappa(
                studies(XR_HAND, 0.1, false, 0.2, false, 0.3, false, 0.4, true, 0.5, true));
        assertThat(threshold.value()).isCloseTo(0.35, within(1e-12));
        assertThat(threshold.kappa()).isEqualTo(1.0);
        assertThat(threshold.falsePositiveRate()).isEqualTo(0.0);
        assertThat(threshold.truePositiveRate()).isEqualTo(1.0);
    }

    @Test
    void maximizingKappaBreaksTiesTowardTheHigherThreshold() {
        // 0.25 and 0.45 both reach kappa 2/3 (table above); the higher one raises fewer alerts
        Threshold threshold = ThresholdCalibration.maximizingKappa(SIX);
        assertThat(threshold.value()).isCloseTo(0.45, within(1e-12));
        assertThat(threshold.kappa()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(threshold.falsePositiveRate()).isEqualTo(0.0);
        assertThat(threshold.truePositiveRate()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void maximizingKappaNeedsBothClasses() {
        assertThatThrownBy(() -> ThresholdCalibration.maximizingKappa(studies(XR_HAND, 0.1, false, 0.2, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 normal and 0 abnormal");
    }

    @Test
    void forFalsePositiveRateTakesTheLowestThresholdWithinTheAlertBudget() {
        // FPR by candidate: 0.1 -> 3/3, 0.15 -> 2/3, 0.25 -> 1/3: the first at or below 1/3 is 0.25
        Threshold third = ThresholdCalibration.forFalsePositiveRate(SIX, 1.0 / 3);
        assertThat(third.value()).isCloseTo(0.25, within(1e-12));
        assertThat(third.falsePositiveRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(third.truePositiveRate()).isEqualTo(1.0);
        assertThat(third.kappa()).isCloseTo(2.0 / 3, within(1e-12));

        // no false alert allowed: 0.35 still flags 0.4 N, so 0.45
        Threshold none = ThresholdCalibration.forFalsePositiveRate(SIX, 0.0);
        assertThat(none.value()).isCloseTo(0.45, within(1e-12));
        assertThat(none.falsePositiveRate()).isEqualTo(0.0);

        // anything goes: the lowest score, every study flagged
        Threshold all = ThresholdCalibration.forFalsePositiveRate(SIX, 1.0);
        assertThat(all.value()).isEqualTo(0.1);
        assertThat(all.truePositiveRate()).isEqualTo(1.0);
    }

    @Test
    void forFalsePositiveRateWorksOnNormalStudiesAlone() {
        // 4 normals, at most 1/4 flagged: 0.1 -> 4/4, 0.15 -> 3/4, 0.25 -> 2/4, 0.35 -> 1/4
        Threshold threshold = ThresholdCalibration.forFalsePositiveRate(
                studies(XR_HAND, 0.1, false, 0.2, false, 0.3, false, 0.4, false), 0.25);
        assertThat(threshold.value()).isCloseTo(0.35, within(1e-12));
        assertThat(threshold.truePositiveRate()).isNaN();
        assertThat(threshold.isAbnormal(0.4)).isTrue();
        assertThat(threshold.isAbnormal(0.3)).isFalse();
    }

    @Test
    void forFalsePositiveRateRefusesATargetOutsideZeroToOne() {
        assertThatThrownBy(() -> ThresholdCalibration.forFalsePositiveRate(SIX, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> ThresholdRule.falsePositiveRate(-0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThresholdAboveEveryScoreFlagsNothing() {
        // all studies normal except the lowest, which is abnormal: calling nothing abnormal is kappa 0,
        // calling everything abnormal also 0; the tie goes to the top candidate just above the highest score
        Threshold threshold = ThresholdCalibration.maximizingKappa(studies(XR_HAND, 0.1, true, 0.2, false));
        assertThat(threshold.value()).isEqualTo(Math.nextUp(0.2));
        assertThat(threshold.kappa()).isEqualTo(0.0);
        assertThat(threshold.truePositiveRate()).isEqualTo(0.0);
    }

    @Test
    void perBodyPartCalibratesEachPartOnItsOwnStudies() {
        List<ScoredStudy> mixed = new ArrayList<>(SIX);
        mixed.addAll(studies(XR_WRIST, 1.0, false, 3.0, true));
        Map<BodyPart, Threshold> thresholds = ThresholdCalibration.perBodyPart(mixed, ThresholdRule.maximizingKappa());
        assertThat(thresholds).containsOnlyKeys(XR_HAND, XR_WRIST);
        assertThat(thresholds.get(XR_HAND).value()).isCloseTo(0.45, within(1e-12));
        assertThat(thresholds.get(XR_WRIST).value()).isEqualTo(2.0);
        assertThat(thresholds.get(XR_WRIST).kappa()).isEqualTo(1.0);
    }

    @Test
    void perBodyPartNamesThePartItCouldNotCalibrate() {
        List<ScoredStudy> mixed = new ArrayList<>(SIX);
        mixed.addAll(studies(XR_WRIST, 1.0, false));
        assertThatThrownBy(() -> ThresholdCalibration.perBodyPart(mixed, ThresholdCalibration::maximizingKappa))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("XR_WRIST: ");
    }

    /** Pairs of (score, abnormal). */
    static List<ScoredStudy> studies(BodyPart part, Object... scoreLabelPairs) {
        List<ScoredStudy> studies = new ArrayList<>();
        for (int i = 0; i < scoreLabelPairs.length; i += 2) {
            studies.add(new ScoredStudy(part + "/s" + i, part, (Double) scoreLabelPairs[i],
                    (Boolean) scoreLabelPairs[i + 1], 1));
        }
        return studies;
    }
}
