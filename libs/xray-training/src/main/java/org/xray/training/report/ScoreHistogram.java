package org.xray.training.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.xray.evaluation.BodyPartEvaluation;
import org.xray.evaluation.LabelledScores;

/**
 * One body part's image scores as two histograms side by side in each bin, normal and abnormal images (labelled by
 * their study), with the part's threshold. Each class is shown as a share of its own images, so a class with few
 * images stays as visible as a large one.
 */
final class ScoreHistogram {

    static final Color NORMAL = new Color(0x1F77B4);
    static final Color ABNORMAL = new Color(0xD62728);
    static final Color THRESHOLD = Color.BLACK;
    private static final Stroke THRESHOLD_STROKE =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);
    private static final int BINS = 20;
    // The y axis reaches this much above the tallest bar, so the legend in the top corner stays clear of the bars.
    private static final double HEADROOM = 1.45;

    private ScoreHistogram() {
    }

    static BufferedImage render(BodyPartEvaluation part, LabelledScores scores) {
        // The threshold is a study score; it is drawn on the image score axis because MAX and MEAN study scores
        // are themselves on that scale.
        double threshold = part.threshold().value();
        double low = Math.min(threshold, Arrays.stream(scores.values()).min().orElseThrow());
        double high = Math.max(threshold, Arrays.stream(scores.values()).max().orElseThrow());
        Chart.Axis x = Chart.Axis.covering("image anomaly score", low, high);
        double binWidth = (x.max() - x.min()) / BINS;

        double[] normal = new double[BINS];
        double[] abnormal = new double[BINS];
        int normalCount = 0;
        for (int i = 0; i < scores.values().length; i++) {
            int bin = Math.min(BINS - 1, (int) ((scores.values()[i] - x.min()) / binWidth));
            if (scores.abnormal()[i]) {
                abnormal[bin]++;
            } else {
                normal[bin]++;
                normalCount++;
            }
        }
        int abnormalCount = scores.values().length - normalCount;
        toPercent(normal, normalCount);
        toPercent(abnormal, abnormalCount);
        double tallest = Math.max(Arrays.stream(normal).max().orElseThrow(),
                Arrays.stream(abnormal).max().orElseThrow());

        Chart chart = new Chart(part.part() + " image scores", x,
                Chart.Axis.covering("% of the class's images", 0, tallest * HEADROOM));
        double gap = binWidth * 0.08;
        for (int bin = 0; bin < BINS; bin++) {
            double from = x.min() + bin * binWidth;
            double middle = from + binWidth / 2;
            chart.bar(from + gap, middle, normal[bin], NORMAL);
            chart.bar(middle, from + binWidth - gap, abnormal[bin], ABNORMAL);
        }
        chart.verticalLine(threshold, THRESHOLD, THRESHOLD_STROKE);
        chart.legend("normal (" + normalCount + " images)", NORMAL, null);
        chart.legend("abnormal (" + abnormalCount + " images)", ABNORMAL, null);
        chart.legend("study threshold " + Formats.score(threshold), THRESHOLD, THRESHOLD_STROKE);
        return chart.finish(Chart.LegendCorner.TOP_RIGHT);
    }

    private static void toPercent(double[] counts, int total) {
        for (int bin = 0; bin < counts.length; bin++) {
            counts[bin] = 100.0 * counts[bin] / total;
        }
    }
}
