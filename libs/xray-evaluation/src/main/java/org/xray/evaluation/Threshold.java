package org.xray.evaluation;

/**
 * A calibrated decision threshold: a study is called abnormal when its score is <b>at or above</b> {@code value}.
 * The other fields are what the threshold achieved on the studies it was calibrated on.
 *
 * @param truePositiveRate NaN when calibrated on normal studies only (see
 *                         {@link ThresholdCalibration#forFalsePositiveRate})
 */
public record Threshold(double value, double kappa, double falsePositiveRate, double truePositiveRate) {

    public Threshold {
        Checks.finite(value, "Threshold.value");
        Checks.finite(kappa, "Threshold.kappa");
    }

    /** Whether a score counts as abnormal under this threshold. */
    public boolean isAbnormal(double score) {
        return score >= value;
    }
}
