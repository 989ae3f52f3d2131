package org.xray.training.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.xray.evaluation.BodyPartEvaluation;
import org.xray.evaluation.EvaluationReport;

/**
 * report.json: the report's figures. Doubles are written in Java's shortest round-trip form, so reading them back
 * gives exactly the report's values.
 */
final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Two-space indent and '\n' on every platform: the file reads and diffs the same wherever it was written.
    private static final ObjectWriter WRITER =
            MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private ReportJson() {
    }

    static byte[] of(String title, EvaluationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", title);
        root.put("aggregation", report.aggregation().name());
        root.put("images", report.images());
        root.put("studies", report.studies());
        root.put("studyKappa", report.studyKappa());
        root.put("meanRocAuc", report.meanRocAuc());
        root.put("meanAveragePrecision", report.meanAveragePrecision());
        report.metrics().forEach(root.putObject("metrics")::put);
        report.thresholds().forEach(root.putObject("thresholds")::put);
        ArrayNode parts = root.putArray("parts");
        for (BodyPartEvaluation part : report.parts()) {
            parts.addObject()
                    .put("part", part.part().name())
                    .put("images", part.images())
                    .put("studies", part.studies())
                    .put("rocAuc", part.rocAuc())
                    .put("averagePrecision", part.averagePrecision())
                    .put("threshold", part.threshold().value())
                    .put("studyKappa", part.studyKappa());
        }
        try {
            return WRITER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the evaluation report as JSON", e);
        }
    }
}
