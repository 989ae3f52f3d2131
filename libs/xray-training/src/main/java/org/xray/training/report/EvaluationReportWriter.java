package org.xray.training.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.xray.contracts.BodyPart;
import org.xray.evaluation.BodyPartEvaluation;
import org.xray.evaluation.EvaluationReport;
import org.xray.evaluation.LabelledScores;
import org.xray.evaluation.ScoredImage;

/**
 * Writes an evaluation for people and for tools: report.json with the report's figures, report.html with a metrics
 * table, and per body part a ROC curve and a score histogram as PNG. Charts are drawn off screen, so this runs on
 * a headless machine.
 */
public final class EvaluationReportWriter {

    private EvaluationReportWriter() {
    }

    /**
     * Writes, into {@code directory} (created if missing): report.json, report.html, and per body part
     * roc-&lt;PART&gt;.png and scores-&lt;PART&gt;.png; returns the paths written.
     *
     * @param title  e.g. "fanogan/XR_HAND@2026-11-26T10-00-00Z"
     * @param report the evaluation of {@code scored}
     * @param scored every validation image's score (label = its study's), the input of the report
     * @throws IllegalArgumentException when {@code scored} is not the report's input (its images per body part do
     *                                  not match the report's counts)
     * @throws UncheckedIOException     when a file cannot be written
     */
    public static List<Path> write(Path directory, String title, EvaluationReport report, List<ScoredImage> scored) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(report, "report");
        Map<BodyPart, List<ScoredImage>> byPart = byPart(Objects.requireNonNull(scored, "scored"), report);

        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            written.add(Files.write(directory.resolve("report.json"), ReportJson.of(title, report)));
            for (BodyPartEvaluation part : report.parts()) {
                LabelledScores scores = LabelledScores.of(byPart.get(part.part()));
                written.add(png(directory.resolve(rocFileName(part.part())), RocChart.render(part, scores)));
                written.add(png(directory.resolve(scoresFileName(part.part())), ScoreHistogram.render(part, scores)));
            }
            written.add(Files.writeString(directory.resolve("report.html"), ReportHtml.of(title, report),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation report into " + directory, e);
        }
        return List.copyOf(written);
    }

    static String rocFileName(BodyPart part) {
        return "roc-" + part.name() + ".png";
    }

    static String scoresFileName(BodyPart part) {
        return "scores-" + part.name() + ".png";
    }

    /** Groups the images by body part, checking they are what the report was computed from. */
    private static Map<BodyPart, List<ScoredImage>> byPart(List<ScoredImage> scored, EvaluationReport report) {
        Map<BodyPart, List<ScoredImage>> byPart = new EnumMap<>(BodyPart.class);
        scored.forEach(image -> byPart.computeIfAbsent(image.bodyPart(), p -> new ArrayList<>()).add(image));
        for (BodyPartEvaluation part : report.parts()) {
            int images = byPart.getOrDefault(part.part(), List.of()).size();
            if (images != part.images()) {
                throw new IllegalArgumentException("the scored images are not the report's input: " + part.part()
                        + " has " + images + " scored images but the report evaluated " + part.images());
            }
        }
        if (scored.size() != report.images()) {
            throw new IllegalArgumentException("the scored images are not the report's input: " + scored.size()
                    + " scored images but the report evaluated " + report.images() + "; scored has body parts "
                    + byPart.keySet() + " and the report " + report.thresholds().keySet());
        }
        return byPart;
    }

    private static Path png(Path file, BufferedImage image) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IllegalStateException("this JVM has no PNG writer");
        }
        return file;
    }
}
