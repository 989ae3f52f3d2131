package org.xray.evaluation;

import java.util.List;

/**
 * Image scores with their labels, in the parallel arrays the metrics take ({@link RocAuc}, {@link AveragePrecision},
 * {@link RocCurve}). Arrays for speed: do not modify them.
 *
 * @param values   the images' scores, in the order given
 * @param abnormal whether each image's study is abnormal
 */
public record LabelledScores(double[] values, boolean[] abnormal) {

    public static LabelledScores of(List<ScoredImage> images) {
        double[] values = new double[images.size()];
        boolean[] abnormal = new boolean[images.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = images.get(i).score();
            abnormal[i] = images.get(i).abnormal();
        }
        return new LabelledScores(values, abnormal);
    }
}
