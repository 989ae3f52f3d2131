package org.xray.trainer.cli;

import java.util.Locale;

import org.xray.evaluation.BodyPartEvaluation;
import org.xray.evaluation.EvaluationReport;

/** An evaluation as a plain-text table: one row per body part, then the overall row. */
final class MetricsTable {

    private static final String HEADER = "%-12s %7s %8s %8s %8s %8s %11s";
    private static final String ROW = "%-12s %7d %8d %8.4f %8.4f %8.4f %11s";

    private MetricsTable() {
    }

    static String format(EvaluationReport report) {
        StringBuilder table = new StringBuilder();
        line(table, HEADER, "body part", "images", "studies", "ROC-AUC", "AP", "kappa", "threshold");
        for (BodyPartEvaluation part : report.parts()) {
            line(table, ROW, part.part().name(), part.images(), part.studies(), part.rocAuc(),
                    part.averagePrecision(), part.studyKappa(),
                    String.format(Locale.ROOT, "%.5g", part.threshold().value()));
        }
        line(table, ROW, "overall", report.images(), report.studies(), report.meanRocAuc(),
                report.meanAveragePrecision(), report.studyKappa(), "");
        table.append("(overall ROC-AUC and AP are means over the body parts; kappa is over all studies,"
                + " each at its part's threshold)").append(System.lineSeparator());
        return table.toString();
    }

    private static void line(StringBuilder table, String format, Object... values) {
        table.append(String.format(Locale.ROOT, format, values).stripTrailing()).append(System.lineSeparator());
    }
}
