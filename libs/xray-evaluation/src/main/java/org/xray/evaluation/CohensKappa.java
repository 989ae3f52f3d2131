package org.xray.evaluation;

/**
 * Cohen's kappa between two binary raters (here: thresholded model, and ground truth):
 * {@code kappa = (p_o - p_e) / (1 - p_e)}, with {@code p_o} the observed agreement and {@code p_e} the agreement
 * expected by chance from each rater's marginal rates.
 *
 * <p>Degenerate case: {@code p_e = 1} happens only when both raters give one and the same label to every item.
 * The formula is then 0/0 (scikit-learn returns NaN). Here it is <b>0.0</b>: the agreement is exactly what chance
 * predicts from the marginals, so it shows no skill; a finite value also keeps maxima over thresholds well defined.
 */
public final class CohensKappa {

    private CohensKappa() {
    }

    /** @throws IllegalArgumentException when the arrays differ in length or are empty */
    public static double of(boolean[] predicted, boolean[] actual) {
        if (predicted == null || actual == null) {
            throw new IllegalArgumentException("Cohen's kappa: predicted and actual labels are required");
        }
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException("Cohen's kappa: " + predicted.length + " predicted labels but "
                    + actual.length + " actual labels; they must pair up one to one");
        }
        if (predicted.length == 0) {
            throw new IllegalArgumentException("Cohen's kappa is undefined for zero items");
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i]) {
                if (actual[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (actual[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return fromCounts(tp, fp, fn, tn);
    }

    /**
     * Kappa from a 2x2 table. Multiplying numerator and denominator of the definition by {@code n^2} gives
     * {@code 2 (tp*tn - fp*fn) / ((tp+fp)(fp+tn) + (tp+fn)(fn+tn))}, computed exactly in integers.
     */
    static double fromCounts(long tp, long fp, long fn, long tn) {
        long denominator = (tp + fp) * (fp + tn) + (tp + fn) * (fn + tn);
        if (denominator == 0) {
            return 0.0;
        }
        return 2.0 * (tp * tn - fp * fn) / denominator;
    }
}
