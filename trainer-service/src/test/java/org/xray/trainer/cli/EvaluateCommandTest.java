package org.xray.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.trainer.TrainerFixtures;
import org.xray.anomaly.bundle.BundleVerificationException;
import org.xray.anomaly.bundle.ModelBundleWriter;
import org.xray.anomaly.scoring.Algorithm;
import org.xray.evaluation.BodyPartEvaluation;
import org.xray.training.ModelScope;
import org.xray.training.ModelTrainingPipeline;
import org.xray.training.TrainedVersion;
import org.xray.training.TrainingObserver;
import org.xray.training.TrainingRequest;

class EvaluateCommandTest {

    @TempDir
    static Path root;
    static Path dataset;
    static TrainedVersion trained;
    static Path bundle;

    @BeforeAll
    static void trainASmallHandModel() throws Exception {
        dataset = TrainerFixtures.writeHandDataset(root);
        trained = new ModelTrainingPipeline(root.resolve("work")).run(new TrainingRequest(dataset, Set.of(),
                ModelScope.PER_BODY_PART, Algorithm.FANOGAN, 32, TrainerFixtures.TINY), "v1", TrainingObserver.NONE)
                .get(0);
        bundle = root.resolve("models").resolve("bundle.zip");
        Files.createDirectories(bundle.getParent());
        Files.write(bundle, ModelBundleWriter.write(trained.bundle(), TrainerFixtures.KEY));
    }

    @Test
    void printsTheFiguresTrainingReportedAndWritesTheReportNextToTheBundle() {
        String printed = run("--dataset", dataset.toString(), "--bundle", bundle.toString());

        BodyPartEvaluation hand = trained.report().parts().get(0);
        List<String> row = row(printed, "XR_HAND");
        // body part, images, studies, ROC-AUC, AP, kappa, threshold
        assertThat(row.get(1)).isEqualTo(String.valueOf(hand.images()));
        assertThat(row.get(3)).isEqualTo(String.format(Locale.ROOT, "%.4f", hand.rocAuc()));
        assertThat(row.get(4)).isEqualTo(String.format(Locale.ROOT, "%.4f", hand.averagePrecision()));
        assertThat(row.get(5)).isEqualTo(String.format(Locale.ROOT, "%.4f", hand.studyKappa()));
        assertThat(row(printed, "overall").get(5))
                .isEqualTo(String.format(Locale.ROOT, "%.4f", trained.report().studyKappa()));

        Path reports = root.resolve("models").resolve("evaluation-MURA-v1.1");
        assertThat(reports.resolve("report.json")).isRegularFile();
        assertThat(reports.resolve("report.html")).isRegularFile();
        assertThat(printed).contains("report: " + reports.resolve("report.html"));
    }

    @Test
    void writesTheReportWhereOutSays() {
        Path out = root.resolve("elsewhere");

        run("--dataset", dataset.toString(), "--bundle", bundle.toString(), "--out", out.toString());

        assertThat(out.resolve("report.json")).isRegularFile();
    }

    @Test
    void refusesABundleSignedWithAnotherKey() {
        byte[] otherKey = TrainerFixtures.KEY.clone();
        otherKey[0] ^= 1;

        assertThatThrownBy(() -> new EvaluateCommand(otherKey).evaluate(dataset, bundle, root.resolve("refused"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(BundleVerificationException.class).hasMessageContaining("signature does not match");
        assertThat(root.resolve("refused")).doesNotExist();
    }

    private static String run(String... args) {
        EvaluateCommand command = new EvaluateCommand(TrainerFixtures.KEY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.run(CommandLine.parse(List.of(args), command.options()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> row(String printed, String label) {
        return printed.lines().filter(line -> line.startsWith(label + " ")).findFirst()
                .map(line -> Arrays.asList(line.trim().split("\\s+")))
                .orElseThrow(() -> new AssertionError("no " + label + " row in:\n" + printed));
    }
}
