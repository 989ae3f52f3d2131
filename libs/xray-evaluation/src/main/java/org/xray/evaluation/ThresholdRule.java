package org.xray.evaluation;

import java.util.List;
import java.util.function.Function;

/** How a threshold is chosen from one body part's validation studies. */
@FunctionalInterface
public interface ThresholdRule extends Function<List<ScoredStudy>, Threshold> {

    /** The threshold with the highest study-level Cohen's kappa (MURA's metric). */
    static ThresholdRule maximizingKappa() {
        return ThresholdCalibration::maximizingKappa;
    }

    /** The lowest threshold that keeps the false-positive (false alert) rate at or below {@code targetFpr}. */
    static ThresholdRule falsePositiveRate(double targetFpr) {
        ThresholdCalibration.requireRate(targetFpr);
        return studies -> ThresholdCalibration.forFalsePositiveRate(studies, targetFpr);
    }
}
