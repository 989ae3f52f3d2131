package org.xray.evaluation;

import java.util.ArrayList;
import java.util.List;

/** The ROC curve, for plotting: one point per distinct score, from (0,0) to (1,1). */
public final class RocCurve {

    private RocCurve() {
    }

    /**
     * Points in order of falling threshold. The first is (0,0) at threshold {@code +Infinity}; then one point per
     * distinct score (tied scores collapse into one point), the last being (1,1) at the lowest score.
     *
     * @throws IllegalArgumentException as {@link RocAuc#of}
     */
    public static List<RocPoint> of(double[] scores, boolean[] positives) {
        int positiveCount = Scores.check(scores, positives, "ROC curve");
        int n = scores.length;
        Scores.requireBothClasses(positiveCount, n, "ROC curve");
        int negativeCount = n - positiveCount;
        int[] order = Scores.descending(scores);
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        int truePositives = 0;
        int falsePositives = 0;
        for (int k = 0; k < n; k++) {
            if (positives[order[k]]) {
                truePositives++;
            } else {
                falsePositives++;
            }
            boolean lastOfTie = k + 1 == n || scores[order[k + 1]] != scores[order[k]];
            if (lastOfTie) {
                points.add(new RocPoint(scores[order[k]], (double) falsePositives / negativeCount,
                        (double) truePositives / positiveCount));
            }
        }
        return List.copyOf(points);
    }
}
