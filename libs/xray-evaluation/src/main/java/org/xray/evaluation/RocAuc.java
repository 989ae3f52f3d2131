package org.xray.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Area under the ROC curve, the probability that a random abnormal case scores higher than a random normal one.
 * Computed as the Mann-Whitney U statistic with average ranks, so a tie between an abnormal and a normal case
 * counts one half. Higher scores mean more abnormal.
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * @throws IllegalArgumentException when the arrays differ in length, a score is not finite, or either class is
     *                                  absent (the AUC is then undefined)
     */
    public static double of(double[] scores, boolean[] positives) {
        int positiveCount = Scores.check(scores, positives, "ROC-AUC");
        int n = scores.length;
        Scores.requireBothClasses(positiveCount, n, "ROC-AUC");
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            // Ranks are 1-based; tied scores all get the mean of the ranks they span.
            double averageRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (positives[order[k]]) {
                    positiveRankSum += averageRank;
                }
            }
            start = end + 1;
        }
        long negativeCount = n - positiveCount;
        double u = positiveRankSum - positiveCount * (positiveCount + 1.0) / 2.0;
        return u / (positiveCount * (double) negativeCount);
    }
}
