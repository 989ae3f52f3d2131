package org.xray.training.report;

import java.util.Locale;
import org.xray.evaluation.BodyPartEvaluation;
import org.xray.evaluation.EvaluationReport;

/** report.html: one self-contained page (inline CSS, no scripts) with the metrics table and the charts. */
final class ReportHtml {

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0 2em; }
            th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            thead th { background: #f2f2f2; }
            tfoot td { font-weight: bold; border-top: 2px solid #888; }
            img { border: 1px solid #ddd; margin: 0 1em 1em 0; }
            .note { color: #555; font-size: 0.9em; }
            """;

    private ReportHtml() {
    }

    static String of(String title, EvaluationReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n")
                .append("<p>").append(report.images()).append(" validation images in ").append(report.studies())
                .append(" studies; a study's score is the ")
                .append(report.aggregation().name().toLowerCase(Locale.ROOT))
                .append(" of its images' scores.</p>\n");

        html.append("<table>\n<thead><tr><th>body part</th><th>ROC-AUC</th><th>AP</th><th>study kappa</th>")
                .append("<th>threshold</th><th>images</th><th>studies</th></tr></thead>\n<tbody>\n");
        for (BodyPartEvaluation part : report.parts()) {
            row(html, part.part().name(), part.rocAuc(), part.averagePrecision(), part.studyKappa(),
                    Formats.score(part.threshold().value()), part.images(), part.studies());
        }
        html.append("</tbody>\n<tfoot>\n");
        row(html, "overall", report.meanRocAuc(), report.meanAveragePrecision(), report.studyKappa(), "per part",
                report.images(), report.studies());
        html.append("</tfoot>\n</table>\n")
                .append("<p class=\"note\">ROC-AUC and AP are image-level; the overall row shows their unweighted mean")
                .append(" over body parts. Kappa and threshold are study-level: each part's threshold is calibrated")
                .append(" on its study scores, and the overall kappa judges every study by its own part's")
                .append(" threshold.</p>\n");

        for (BodyPartEvaluation part : report.parts()) {
            String name = part.part().name();
            html.append("<h2>").append(escape(name)).append("</h2>\n");
            image(html, EvaluationReportWriter.rocFileName(part.part()), "ROC curve of " + name);
            image(html, EvaluationReportWriter.scoresFileName(part.part()), "image score histogram of " + name);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void row(StringBuilder html, String label, double rocAuc, double averagePrecision,
            double kappa, String threshold, int images, int studies) {
        html.append("<tr><td>").append(escape(label)).append("</td>")
                .append(cell(Formats.metric(rocAuc)))
                .append(cell(Formats.metric(averagePrecision)))
                .append(cell(Formats.metric(kappa)))
                .append(cell(threshold))
                .append(cell(Integer.toString(images)))
                .append(cell(Integer.toString(studies)))
                .append("</tr>\n");
    }

    private static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static void image(StringBuilder html, String fileName, String alt) {
        html.append("<img src=\"").append(escape(fileName)).append("\" alt=\"").append(escape(alt))
                .append("\" width=\"").append(Chart.WIDTH).append("\" height=\"").append(Chart.HEIGHT)
                .append("\">\n");
    }

    /** Text and attribute values alike: the title is free text (a model name, a run id). */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
