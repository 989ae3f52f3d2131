package org.xray.training.report;

import java.util.List;
import org.xray.evaluation.ScoredImage;

/** One body part's image scores with their labels, in the arrays {@link org.xray.evaluation.RocCurve} takes. */
record PartScores(double[] values, boolean[] abnormal) {

    static PartScores of(List<ScoredImage> images) {
        double[] values = new double[images.size()];
        boolean[] abnormal = new boolean[images.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = images.get(i).score();
            abnormal[i] = images.get(i).abnormal();
        }
        return new PartScores(values, abnormal);
    }
}
