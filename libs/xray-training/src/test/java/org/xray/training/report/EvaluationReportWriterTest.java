package org.xray.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xray.contracts.BodyPart.XR_HAND;
import static org.xray.contracts.BodyPart.XR_WRIST;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.contracts.BodyPart;
import org.xray.evaluation.BodyPartEvaluation;
import org.xray.evaluation.Evaluation;
import org.xray.evaluation.EvaluationReport;
import org.xray.evaluation.ScoredImage;
import org.xray.evaluation.StudyAggregation;
import org.xray.evaluation.ThresholdRule;

class EvaluationReportWriterTest {

    private static final String TITLE = "fanogan/XR_HAND@2026-11-26T10-00-00Z";

    /*
     * Two body parts, each with normal and abnormal studies (A = abnormal study, N = normal):
     * XR_HAND  h1 A {0.9, 0.2}  h2 N {0.3}  h3 N {0.1, 0.4}  h4 A {0.6}  -> image AUC 7/9, threshold 0.5
     * XR_WRIST w1 A {0.7}  w2 N {0.8}  w3 A {0.5}  w4 N {0.2}              -> image AUC 1/2, threshold 0.35
     */
    private static final List<ScoredImage> SCORED = List.of(
            image("h1", XR_HAND, 0.9, true), image("h1", XR_HAND, 0.2, true),
            image("h2", XR_HAND, 0.3, false),
            image("h3", XR_HAND, 0.1, false), image("h3", XR_HAND, 0.4, false),
            image("h4", XR_HAND, 0.6, true),
            image("w1", XR_WRIST, 0.7, true), image("w2", XR_WRIST, 0.8, false),
            image("w3", XR_WRIST, 0.5, true), image("w4", XR_WRIST, 0.2, false));
    private static final EvaluationReport REPORT =
            Evaluation.evaluate(SCORED, StudyAggregation.MAX, ThresholdRule.maximizingKappa());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void writesJsonHtmlAndTwoChartsPerBodyPartIntoACreatedDirectory() {
        Path directory = temp.resolve("reports").resolve("fanogan");

        List<Path> written = EvaluationReportWriter.write(directory, TITLE, REPORT, SCORED);

        assertThat(written).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                "report.json", "report.html", "roc-XR_HAND.png", "scores-XR_HAND.png", "roc-XR_WRIST.png",
                "scores-XR_WRIST.png");
        assertThat(written).allSatisfy(path -> {
            assertThat(path.getParent()).isEqualTo(directory);
            assertThat(path).isRegularFile().isNotEmptyFile();
        });
    }

    @Test
    void writesJsonWhoseFiguresEqualTheReport() throws IOException {
        JsonNode json = JSON.readTree(write(TITLE).resolve("report.json").toFile());

        assertThat(json.get("title").asText()).isEqualTo(TITLE);
        assertThat(json.get("aggregation").asText()).isEqualTo("MAX");
        assertThat(json.get("images").intValue()).isEqualTo(REPORT.images());
        assertThat(json.get("studies").intValue()).isEqualTo(REPORT.studies());
        // isEqualTo on doubles is exact: the JSON must round-trip the report's values, not approximate them.
        assertThat(json.get("studyKappa").doubleValue()).isEqualTo(REPORT.studyKappa());
        assertThat(json.get("meanRocAuc").doubleValue()).isEqualTo(REPORT.meanRocAuc());
        assertThat(json.get("meanAveragePrecision").doubleValue()).isEqualTo(REPORT.meanAveragePrecision());
        TypeReference<Map<String, Double>> doubles = new TypeReference<>() {
        };
        assertThat(JSON.convertValue(json.get("metrics"), doubles)).isEqualTo(REPORT.metrics());
        assertThat(JSON.convertValue(json.get("thresholds"), doubles)).isEqualTo(REPORT.thresholds());

        JsonNode parts = json.get("parts");
        assertThat(parts).hasSize(REPORT.parts().size());
        for (int i = 0; i < parts.size(); i++) {
            JsonNode part = parts.get(i);
            BodyPartEvaluation expected = REPORT.parts().get(i);
            assertThat(part.get("part").asText()).isEqualTo(expected.part().name());
            assertThat(part.get("images").intValue()).isEqualTo(expected.images());
            assertThat(part.get("studies").intValue()).isEqualTo(expected.studies());
            assertThat(part.get("rocAuc").doubleValue()).isEqualTo(expected.rocAuc());
            assertThat(part.get("averagePrecision").doubleValue()).isEqualTo(expected.averagePrecision());
            assertThat(part.get("threshold").doubleValue()).isEqualTo(expected.threshold().value());
            assertThat(part.get("studyKappa").doubleValue()).isEqualTo(expected.studyKappa());
        }
    }

    @Test
    void drawsEachRocCurveOnA480By360Png() throws IOException {
        Path directory = write(TITLE);

        for (BodyPart part : List.of(XR_HAND, XR_WRIST)) {
            BufferedImage roc = png(directory.resolve("roc-" + part + ".png"));
            // The legend's line swatch alone has under 100 pixels of the curve colour; the curve itself runs from
            // (0,0) to (1,1) across the plot.
            assertThat(pixelsOf(roc, RocChart.CURVE)).as("curve pixels in the %s ROC chart", part)
                    .isGreaterThan(500);
        }
    }

    @Test
    void drawsScoreHistogramsOfBothClassesAndTheStudyThresholdOnA480By360Png() throws IOException {
        Path directory = write(TITLE);

        for (BodyPart part : List.of(XR_HAND, XR_WRIST)) {
            BufferedImage scores = png(directory.resolve("scores-" + part + ".png"));
            // More than each legend swatch (22 x 10 pixels for a class, 22 x 2 for the threshold): the bars and
            // the threshold line are drawn too.
            assertThat(pixelsOf(scores, ScoreHistogram.NORMAL)).as("normal bars of %s", part).isGreaterThan(500);
            assertThat(pixelsOf(scores, ScoreHistogram.ABNORMAL)).as("abnormal bars of %s", part)
                    .isGreaterThan(500);
            assertThat(pixelsOf(scores, ScoreHistogram.THRESHOLD)).as("threshold line of %s", part)
                    .isGreaterThan(100);
        }
    }

    @Test
    void writesHtmlThatShowsEachChartAndEachPartsAucAsInTheTable() throws IOException {
        String html = Files.readString(write(TITLE).resolve("report.html"));

        for (BodyPartEvaluation part : REPORT.parts()) {
            assertThat(html).contains("<img src=\"roc-" + part.part() + ".png\"",
                    "<img src=\"scores-" + part.part() + ".png\"",
                    "<td>" + String.format(Locale.ROOT, "%.3f", part.rocAuc()) + "</td>");
        }
        assertThat(html).contains("<td>0.778</td>", "<td>0.500</td>");
        // Self-contained: opens from a file share or a CI artefact without network access.
        assertThat(html).doesNotContain("<script", "<link", "http://", "https://");
    }

    @Test
    void escapesTheTitleInHtml() throws IOException {
        String html = Files.readString(write("run <b>1</b> & \"2\"").resolve("report.html"));

        assertThat(html).contains("<title>run &lt;b&gt;1&lt;/b&gt; &amp; &quot;2&quot;</title>")
                .doesNotContain("<b>1</b>");
    }

    @Test
    void refusesScoresThatAreNotTheReportsInputBeforeWritingAnything() {
        Path directory = temp.resolve("report");
        List<ScoredImage> withoutOneHandImage = SCORED.subList(1, SCORED.size());

        assertThatThrownBy(() -> EvaluationReportWriter.write(directory, TITLE, REPORT, withoutOneHandImage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XR_HAND has 5 scored images but the report evaluated 6");
        assertThat(directory).doesNotExist();
    }

    @Test
    void reportsAnUnwritableDirectoryAsUncheckedIoException() throws IOException {
        Path file = Files.createFile(temp.resolve("not-a-directory"));

        assertThatThrownBy(() -> EvaluationReportWriter.write(file, TITLE, REPORT, SCORED))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
    }

    private Path write(String title) {
        Path directory = temp.resolve("report");
        EvaluationReportWriter.write(directory, title, REPORT, SCORED);
        return directory;
    }

    private static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("PNG %s", file.getFileName()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(image.getHeight()).isEqualTo(360);
        return image;
    }

    private static int pixelsOf(BufferedImage image, Color color) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (color.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static ScoredImage image(String study, BodyPart part, double score, boolean abnormal) {
        return new ScoredImage(study + "/" + score, part + "/" + study, part, score, abnormal);
    }
}
