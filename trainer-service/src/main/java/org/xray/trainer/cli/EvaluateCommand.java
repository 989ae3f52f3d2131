package org.xray.trainer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.xray.anomaly.bundle.BundleManifest;
import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.bundle.ModelBundleReader;
import org.xray.anomaly.scoring.Hyperparameters;
import org.xray.anomaly.scoring.TrainedModel;
import org.xray.anomaly.scoring.TrainedModels;
import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraDataset;
import org.xray.evaluation.EvaluationReport;
import org.xray.imaging.PreprocessingSettings;
import org.xray.imaging.RadiographPreprocessor;
import org.xray.training.ValidationSplit;
import org.xray.training.report.EvaluationReportWriter;

/**
 * {@code evaluate}: scores a dataset's valid split with a model bundle and evaluates it the MURA way (image ROC-AUC
 * and AP per body part, study kappa at thresholds calibrated on this split), prints the figures and writes the
 * report. The images go through the preprocessing settings the bundle records, so they match what it was trained on.
 */
public final class EvaluateCommand implements TrainerCommand {

    private final byte[] signingKey;

    /** @param signingKey the key bundles are signed with */
    public EvaluateCommand(byte[] signingKey) {
        this.signingKey = signingKey.clone();
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate --dataset DIR --bundle FILE [--out DIR]";
    }

    @Override
    public List<CommandLine.Option> options() {
        return List.of(CommandLine.Option.value("dataset"), CommandLine.Option.value("bundle"),
                CommandLine.Option.value("out"));
    }

    @Override
    public void run(CommandLine line, PrintStream out) {
        Path dataset = Path.of(line.required("dataset"));
        Path bundle = line.file("bundle");
        Path reportDirectory = line.value("out").map(Path::of).orElseGet(() -> defaultReportDirectory(dataset, bundle));
        evaluate(dataset, bundle, reportDirectory, out);
    }

    /** {@code <bundle's directory>/evaluation-<dataset directory's name>}, e.g. {@code .../evaluation-MURA-v1.1}. */
    static Path defaultReportDirectory(Path dataset, Path bundle) {
        Path datasetName = dataset.toAbsolutePath().normalize().getFileName();
        return bundle.toAbsolutePath().normalize().resolveSibling("evaluation-" + datasetName);
    }

    /**
     * @param reportDirectory where the report is written (created if missing)
     * @throws org.xray.anomaly.bundle.BundleVerificationException when the bundle does not verify with the key
     * @throws org.xray.datasets.mura.DatasetFormatException       when the dataset is missing or malformed
     * @throws IllegalArgumentException                            when its valid split has no images of the bundle's
     *                                                             body parts, or cannot be evaluated
     */
    public EvaluationReport evaluate(Path datasetDirectory, Path bundleFile, Path reportDirectory, PrintStream out) {
        ModelBundle bundle = ModelBundleReader.read(readBundle(bundleFile), signingKey);
        BundleManifest manifest = bundle.manifest();
        String model = manifest.name() + "@" + manifest.version();
        TrainedModel trained = TrainedModels.fromBundle(bundle);
        RadiographPreprocessor preprocessor = new RadiographPreprocessor(
                Hyperparameters.parse(PreprocessingSettings.class, manifest.preprocessing()));

        MuraDataset dataset = MuraDataset.open(datasetDirectory);
        // A bundle has a calibrated threshold for each body part it was made for.
        Set<BodyPart> parts = manifest.thresholds().keySet().stream().map(BodyPart::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        out.println("scoring the valid images of " + parts + " in " + dataset.datasetDir() + " with " + model);
        ValidationSplit.Result validation = ValidationSplit.evaluate(dataset, parts, trained, preprocessor);
        EvaluationReport report = validation.report();

        EvaluationReportWriter.write(reportDirectory, model + " on " + dataset.datasetDir().getFileName(), report,
                validation.scored());
        out.print(MetricsTable.format(report));
        out.println("report: " + reportDirectory.resolve("report.html") + " (figures in report.json)");
        return report;
    }

    private static byte[] readBundle(Path bundleFile) {
        try {
            return Files.readAllBytes(bundleFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle " + bundleFile, e);
        }
    }
}
