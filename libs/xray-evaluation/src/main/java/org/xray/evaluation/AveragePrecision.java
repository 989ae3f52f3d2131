package org.xray.evaluation;

/**
 * Average precision as scikit-learn defines it: {@code AP = sum_n (R_n - R_{n-1}) * P_n} over the distinct scores
 * taken as thresholds from highest to lowest, where {@code P_n} and {@code R_n} are precision and recall when every
 * case scoring at or above the n-th threshold is called abnormal and {@code R_0 = 0}. Tied scores form one
 * threshold. No interpolation.
 */
public final class AveragePrecision {

    private AveragePrecision() {
    }

    /**
     * @throws IllegalArgumentException when the arrays differ in length, a score is not finite, or there is no
     *                                  positive case (recall is then undefined). With no negatives AP is 1.
     */
    public static double of(double[] scores, boolean[] positives) {
        int positiveCount = Scores.check(scores, positives, "Average precision");
        if (positiveCount == 0) {
            throw new IllegalArgumentException("Average precision is undefined without an abnormal case: got "
                    + scores.length + " normal and 0 abnormal");
        }
        int n = scores.length;
        int[] order = Scores.descending(scores);
        double sum = 0;
        int truePositives = 0;
        int previousTruePositives = 0;
        for (int k = 0; k < n; k++) {
            if (positives[order[k]]) {
                truePositives++;
            }
            boolean lastOfTie = k + 1 == n || scores[order[k + 1]] != scores[order[k]];
            if (lastOfTie) {
                double recallGain = (double) (truePositives - previousTruePositives) / positiveCount;
                double precision = (double) truePositives / (k + 1);
                sum += recallGain * precision;
                previousTruePositives = truePositives;
            }
        }
        return sum;
    }
}
