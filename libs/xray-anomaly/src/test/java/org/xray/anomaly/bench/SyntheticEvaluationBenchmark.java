package org.xray.anomaly.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.xray.anomaly.SyntheticRadiographs;
import org.xray.anomaly.alphagan.AlphaGanConfig;
import org.xray.anomaly.alphagan.AlphaGanTrainer;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanTrainer;
import org.xray.anomaly.nn.ComputeCost;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.scoring.AnomalyScorer;
import org.xray.anomaly.training.ConsoleProgressReporter;
import org.xray.anomaly.training.Phase;
import org.xray.anomaly.training.TrainingImages;
import org.xray.anomaly.training.TrainingListener;
import org.xray.anomaly.training.TrainingProgress;
import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraDataset;
import org.xray.datasets.mura.MuraImage;
import org.xray.datasets.mura.Split;
import org.xray.datasets.synthetic.ConsoleProgressListener;
import org.xray.datasets.synthetic.DatasetSummary;
import org.xray.datasets.synthetic.SyntheticDatasetSpec;
import org.xray.datasets.synthetic.SyntheticDatasetWriter;
import org.xray.evaluation.BodyPartEvaluation;
import org.xray.evaluation.Evaluation;
import org.xray.evaluation.EvaluationReport;
import org.xray.evaluation.ScoredImage;
import org.xray.evaluation.StudyAggregation;
import org.xray.evaluation.ThresholdRule;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessingSettings;
import org.xray.imaging.RadiographPreprocessor;

/**
 * The MURA-style evaluation end to end on the synthetic dataset, the way the trainer will run it: write a synthetic
 * dataset in the MURA-v1.1 layout to a temporary directory, open it with {@link MuraDataset}, and per body part
 * preprocess the train split's NORMAL images, train f-AnoGAN and alpha-GAN on them, score every valid-split image and
 * evaluate with {@link Evaluation} (study score = MAX over its images, threshold maximising Cohen's kappa). The
 * threshold is calibrated on the same valid split it is scored on, so the study kappa is optimistic. Also measures
 * the ND4J FLOAT GEMM 2048x2048 ceiling in the same JVM (measured by {@link ComputeCost#gemmGflops}), at
 * the start and at the end, and prints the load average at both points.
 *
 * <p>Arguments (all optional, in order): parts (comma-separated, default {@code XR_FOREARM,XR_HUMERUS}), train
 * studies per part (40), valid studies per part (20), rendered image size (128), model image size (32), f-AnoGAN GAN
 * iterations (150), f-AnoGAN encoder iterations (300), alpha-GAN steps (400). Run it like {@code FAnoGanBenchmark}
 * (docs/BENCHMARKS.md, section "Synthetic evaluation, MURA style").
 */
public final class SyntheticEvaluationBenchmark {

    private static final int GEMM_SIZE = 2048;
    private static final int GEMM_SECONDS = 4;

    private SyntheticEvaluationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Set<BodyPart> parts = EnumSet.noneOf(BodyPart.class);
        for (String name : arg(args, 0, "XR_FOREARM,XR_HUMERUS").split(",")) {
            parts.add(BodyPart.valueOf(name.trim()));
        }
        int trainStudies = Integer.parseInt(arg(args, 1, "40"));
        int validStudies = Integer.parseInt(arg(args, 2, "20"));
        int renderSize = Integer.parseInt(arg(args, 3, "128"));
        int modelSize = Integer.parseInt(arg(args, 4, "32"));
        int ganIterations = Integer.parseInt(arg(args, 5, "150"));
        int encoderIterations = Integer.parseInt(arg(args, 6, "300"));
        int alphaSteps = Integer.parseInt(arg(args, 7, "400"));

        FAnoGanConfig fanogan = FAnoGanConfig.small().withImageSize(modelSize).withWidths(16, 16, 16)
                .withBatchSize(32).withIterations(ganIterations, encoderIterations).withLearningRate(1e-3)
                .withSeed(7);
        AlphaGanConfig alphagan = AlphaGanConfig.small().withImageSize(modelSize).withIterations(alphaSteps);
        System.out.printf(Locale.ROOT, "parts %s, %d train / %d valid studies per part, rendered %d px, model %d px%n",
                parts, trainStudies, validStudies, renderSize, modelSize);
        System.out.println("f-AnoGAN config: " + fanogan);
        System.out.println("alpha-GAN config: " + alphagan);

        String loadStart = loadAverage();
        System.out.println("load average at start: " + loadStart);
        double gemmStart = ComputeCost.gemmGflops(GEMM_SIZE, Duration.ofSeconds(GEMM_SECONDS));
        System.out.printf(Locale.ROOT, "GEMM %dx%d FLOAT: %.1f GFLOP/s (ceiling, start of run)%n", GEMM_SIZE, GEMM_SIZE,
                gemmStart);

        Path root = Files.createTempDirectory("xray-synthetic-eval");
        long runStart = System.nanoTime();
        try {
            SyntheticDatasetSpec spec = new SyntheticDatasetSpec(1, renderSize, parts, trainStudies, validStudies, 0.4,
                    3);
            DatasetSummary summary = SyntheticDatasetWriter.write(root, spec,
                    new ConsoleProgressListener(System.out, Duration.ofSeconds(5)));
            System.out.println(summary.describe());
            MuraDataset dataset = MuraDataset.open(root);
            RadiographPreprocessor preprocessor = new RadiographPreprocessor(
                    PreprocessingSettings.defaults().withSize(modelSize));

            Map<String, List<ScoredImage>> scored = new LinkedHashMap<>();
            Map<String, Map<BodyPart, String>> speed = new LinkedHashMap<>();
            scored.put("f-AnoGAN", new ArrayList<>());
            scored.put("alpha-GAN", new ArrayList<>());
            speed.put("f-AnoGAN", new EnumMap<>(BodyPart.class));
            speed.put("alpha-GAN", new EnumMap<>(BodyPart.class));
            Map<BodyPart, Integer> trainCounts = new EnumMap<>(BodyPart.class);

            for (BodyPart part : parts) {
                List<GrayImage> training = new ArrayList<>();
                for (MuraImage image : dataset.normalTrainingImages(part)) {
                    training.add(preprocess(preprocessor, image.path(), part));
                }
                trainCounts.put(part, training.size());
                List<MuraImage> valid = dataset.images(Split.VALID).stream().filter(i -> i.bodyPart() == part)
                        .toList();
                List<GrayImage> validImages = new ArrayList<>();
                for (MuraImage image : valid) {
                    validImages.add(preprocess(preprocessor, image.path(), part));
                }
                System.out.printf(Locale.ROOT, "%s: %d normal training images, %d valid images%n", part,
                        training.size(), validImages.size());

                System.out.println("== f-AnoGAN " + part);
                RateListener fRates = new RateListener();
                long t0 = System.nanoTime();
                AnomalyScorer f = new FAnoGanTrainer(fanogan).train(TrainingImages.sampledFrom(training, fanogan.seed()),
                        new ConsoleProgressReporter(System.out, 50).and(fRates));
                double fSeconds = (System.nanoTime() - t0) / 1e9;
                speed.get("f-AnoGAN").put(part, String.format(Locale.ROOT, "GAN %.0f, encoder %.0f (%.0f s)",
                        fRates.rate(Phase.GAN), fRates.rate(Phase.ENCODER), fSeconds));
                addScores(scored.get("f-AnoGAN"), part, valid, f.score(validImages));

                System.out.println("== alpha-GAN " + part);
                RateListener aRates = new RateListener();
                t0 = System.nanoTime();
                AnomalyScorer a = new AlphaGanTrainer(alphagan).train(TrainingImages.sampledFrom(training, alphagan.seed()),
                        new ConsoleProgressReporter(System.out, 50).and(aRates));
                double aSeconds = (System.nanoTime() - t0) / 1e9;
                speed.get("alpha-GAN").put(part, String.format(Locale.ROOT, "%.0f (%.0f s incl. calibration)",
                        aRates.rate(Phase.GAN), aSeconds));
                addScores(scored.get("alpha-GAN"), part, valid, a.score(validImages));
            }

            double runSeconds = (System.nanoTime() - runStart) / 1e9;
            String loadEnd = loadAverage();
            double gemmEnd = ComputeCost.gemmGflops(GEMM_SIZE, Duration.ofSeconds(GEMM_SECONDS));

            System.out.println();
            System.out.println("Thresholds are calibrated on the same valid split that is scored (max-kappa rule): "
                    + "the study kappa is OPTIMISTIC.");
            System.out.println("| model | body part | train images (normal) | valid images | valid studies "
                    + "| image ROC-AUC | image AP | study kappa (optimistic) | training images/s |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (Map.Entry<String, List<ScoredImage>> entry : scored.entrySet()) {
                EvaluationReport report = Evaluation.evaluate(entry.getValue(), StudyAggregation.MAX,
                        ThresholdRule.maximizingKappa());
                for (BodyPartEvaluation p : report.parts()) {
                    System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %.3f | %.3f | %.3f | %s |%n",
                            entry.getKey(), p.part(), trainCounts.get(p.part()), p.images(), p.studies(), p.rocAuc(),
                            p.averagePrecision(), p.studyKappa(), speed.get(entry.getKey()).get(p.part()));
                }
                System.out.printf(Locale.ROOT, "| %s | all | | %d | %d | %.3f (mean) | %.3f (mean) | %.3f | |%n",
                        entry.getKey(), report.images(), report.studies(), report.meanRocAuc(),
                        report.meanAveragePrecision(), report.studyKappa());
            }
            System.out.printf(Locale.ROOT, "GEMM %dx%d FLOAT: %.1f GFLOP/s at start, %.1f GFLOP/s at end (ceiling)%n",
                    GEMM_SIZE, GEMM_SIZE, gemmStart, gemmEnd);
            System.out.printf(Locale.ROOT, "load average: start %s, end %s; dataset + training + scoring %.0f s%n",
                    loadStart, loadEnd, runSeconds);
        } finally {
            deleteRecursively(root);
        }
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index && !args[index].isBlank() ? args[index] : fallback;
    }

    private static GrayImage preprocess(RadiographPreprocessor preprocessor, Path png, BodyPart part) {
        try {
            return preprocessor.process(Files.readAllBytes(png), part).image();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addScores(List<ScoredImage> into, BodyPart part, List<MuraImage> valid,
                                  List<AnomalyScore> scores) {
        for (int i = 0; i < valid.size(); i++) {
            MuraImage image = valid.get(i);
            into.add(new ScoredImage(image.path().toString(), image.studyKey(), part, scores.get(i).score(),
                    image.abnormal()));
        }
    }

    /** Keeps the trainer's last reported real-images/s per phase (averaged over the phase by the trainer). */
    private static final class RateListener implements TrainingListener {
        private final Map<Phase, Double> rates = new EnumMap<>(Phase.class);

        @Override
        public void onIteration(TrainingProgress progress) {
            rates.put(progress.phase(), progress.imagesPerSecond());
        }

        double rate(Phase phase) {
            return rates.getOrDefault(phase, Double.NaN);
        }
    }

    /** ND4J FLOAT GEMM n x n: warm-up for a fifth of the time, then about {@code seconds} measured (at least 3). */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unavailable";
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
