package org.xray.training.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.List;
import org.xray.evaluation.BodyPartEvaluation;
import org.xray.evaluation.LabelledScores;
import org.xray.evaluation.RocCurve;
import org.xray.evaluation.RocPoint;

/** One body part's image-level ROC curve against the chance diagonal. */
final class RocChart {

    static final Color CURVE = new Color(0x1F77B4);
    private static final Color CHANCE = new Color(0x999999);
    private static final Stroke CURVE_STROKE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke CHANCE_STROKE =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private RocChart() {
    }

    static BufferedImage render(BodyPartEvaluation part, LabelledScores scores) {
        List<RocPoint> points = RocCurve.of(scores.values(), scores.abnormal());
        double[] fpr = points.stream().mapToDouble(RocPoint::falsePositiveRate).toArray();
        double[] tpr = points.stream().mapToDouble(RocPoint::truePositiveRate).toArray();
        String auc = "AUC " + Formats.metric(part.rocAuc());

        Chart chart = new Chart(part.part() + " image ROC (" + auc + ")",
                Chart.Axis.unit("false positive rate"), Chart.Axis.unit("true positive rate"));
        chart.line(new double[] {0, 1}, new double[] {0, 1}, CHANCE, CHANCE_STROKE);
        chart.line(fpr, tpr, CURVE, CURVE_STROKE);
        chart.legend("model, " + auc, CURVE, CURVE_STROKE);
        chart.legend("chance", CHANCE, CHANCE_STROKE);
        // The curve bends towards the top left, so the bottom right is free.
        return chart.finish(Chart.LegendCorner.BOTTOM_RIGHT);
    }
}
