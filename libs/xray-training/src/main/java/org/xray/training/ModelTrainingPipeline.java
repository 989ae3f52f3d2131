package org.xray.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.xray.anomaly.alphagan.AlphaGanConfig;
import org.xray.anomaly.alphagan.AlphaGanTrainer;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanTrainer;
import org.xray.anomaly.scoring.TrainedModel;
import org.xray.anomaly.scoring.TrainedModels;
import org.xray.anomaly.training.TrainingImages;
import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.DatasetFormatException;
import org.xray.datasets.mura.MuraDataset;
import org.xray.datasets.mura.MuraImage;
import org.xray.datasets.mura.Split;
import org.xray.evaluation.EvaluationReport;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessingRecord;
import org.xray.imaging.PreprocessingSettings;
import org.xray.imaging.RadiographPreprocessor;

/**
 * Trains, evaluates and bundles the models a {@link TrainingRequest} asks for, the MURA way: training on the train
 * split's normal images only, evaluation on the valid split (image ROC-AUC and AP per part, study kappa at thresholds
 * calibrated on it). Images go through {@link RadiographPreprocessor} with preprocess-service's default settings at
 * the requested size, so training and serving see the same pixels; the settings are recorded in the bundle.
 *
 * <p>f-AnoGAN checkpoints under {@code checkpoints/<version>/<model>} and a rerun with the same version resumes from
 * there; alpha-GAN has no checkpoints yet and starts again.
 */
public final class ModelTrainingPipeline {

    private static final int CHECKPOINT_EVERY = 100;

    private final Path checkpoints;
    private final Clock clock;

    /** @param workDirectory where checkpoints are kept */
    public ModelTrainingPipeline(Path workDirectory) {
        this(workDirectory, Clock.systemUTC());
    }

    ModelTrainingPipeline(Path workDirectory, Clock clock) {
        this.checkpoints = workDirectory.resolve("checkpoints");
        this.clock = clock;
    }

    /**
     * @param version the version label of every model made, e.g. {@code 2026-11-26T10-15-30Z}
     * @throws IllegalArgumentException when the dataset is missing or malformed, a part has no normal training
     *                                  images, the valid split cannot be evaluated, or a hyperparameter is unknown
     */
    public List<TrainedVersion> run(TrainingRequest request, String version, TrainingObserver observer) {
        List<TrainedVersion> versions = new ArrayList<>();
        run(request, version, observer, Set.of(), versions::add);
        return versions;
    }

    /**
     * As {@link #run(TrainingRequest, String, TrainingObserver)}, handing each version to {@code onEach} as soon as
     * it is made, so a later model's failure does not lose the earlier ones.
     */
    public void run(TrainingRequest request, String version, TrainingObserver observer,
                    Consumer<TrainedVersion> onEach) {
        run(request, version, observer, Set.of(), onEach);
    }

    /** As above, skipping the models named in {@code alreadyMade}: how a resumed job avoids redoing finished ones. */
    public void run(TrainingRequest request, String version, TrainingObserver observer, Set<String> alreadyMade,
                    Consumer<TrainedVersion> onEach) {
        Record config = ModelConfigs.config(request.algorithm(), request.imageSize(), request.hyperparameters());
        MuraDataset dataset = open(request.dataset());
        Set<BodyPart> parts = parts(request, dataset);
        requireNormalTrainingImages(dataset, parts);
        PreprocessingSettings settings = PreprocessingSettings.defaults().withSize(request.imageSize());
        RadiographPreprocessor preprocessor = new RadiographPreprocessor(settings);
        boolean fallback = request.scope() == ModelScope.ALL_BODY_PARTS;
        for (Map.Entry<String, Set<BodyPart>> model : models(request, parts).entrySet()) {
            if (!alreadyMade.contains(model.getKey())) {
                onEach.accept(trainOne(model.getKey(), model.getValue(), version, config, dataset, preprocessor,
                        settings, fallback, observer));
            }
        }
    }

    private TrainedVersion trainOne(String name, Set<BodyPart> parts, String version, Record config,
                                    MuraDataset dataset, RadiographPreprocessor preprocessor,
                                    PreprocessingSettings settings, boolean fallback, TrainingObserver observer) {
        observer.onStage(name, "preprocessing");
        List<MuraImage> normals = new ArrayList<>();
        parts.forEach(part -> normals.addAll(dataset.normalTrainingImages(part)));
        List<GrayImage> training = ValidationSplit.preprocess(preprocessor, normals);

        observer.onStage(name, "training");
        TrainedModel model = train(config, TrainingImages.sampledFrom(training, seed(config)),
                checkpoints.resolve(version).resolve(name.replace('/', '_')), observer);

        observer.onStage(name, "evaluating");
        ValidationSplit.Result validation = ValidationSplit.evaluate(dataset, parts, model, preprocessor);
        EvaluationReport report = validation.report();

        observer.onStage(name, "bundling");
        Map<String, Double> thresholds = new TreeMap<>(report.thresholds());
        if (fallback) {
            // A scorer's fallback model also scores UNKNOWN images: hold them to the strictest part's threshold.
            thresholds.put(BodyPart.UNKNOWN.name(), Collections.max(report.thresholds().values()));
        }
        return new TrainedVersion(TrainedModels.toBundle(model, name, version, PreprocessingRecord.of(settings),
                thresholds, fingerprint(dataset.datasetDir(), normals), report.metrics(),
                ValidationRocCurves.of(validation.scored()), clock.instant()),
                report, validation.scored());
    }

    /**
     * The checks {@link #run} makes before any work, for refusing a job when it is submitted.
     *
     * @throws IllegalArgumentException as {@link #run} would
     */
    public static void validate(TrainingRequest request) {
        ModelConfigs.config(request.algorithm(), request.imageSize(), request.hyperparameters());
        MuraDataset dataset = open(request.dataset());
        requireNormalTrainingImages(dataset, parts(request, dataset));
    }

    private static MuraDataset open(Path root) {
        try {
            return MuraDataset.open(root);
        } catch (DatasetFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void requireNormalTrainingImages(MuraDataset dataset, Set<BodyPart> parts) {
        for (BodyPart part : parts) {
            if (dataset.normalTrainingImages(part).isEmpty()) {
                throw new IllegalArgumentException("body part " + part + " has no normal images in the train split"
                        + " of " + dataset.datasetDir() + "; unsupervised training needs some");
            }
        }
    }

    private static TrainedModel train(Record config, TrainingImages images, Path checkpointDirectory,
                                      TrainingObserver observer) {
        if (config instanceof FAnoGanConfig fanogan) {
            return new FAnoGanTrainer(fanogan).withCheckpoints(checkpointDirectory, CHECKPOINT_EVERY)
                    .train(images, observer);
        }
        return new AlphaGanTrainer((AlphaGanConfig) config).train(images, observer);
    }

    private static long seed(Record config) {
        return config instanceof FAnoGanConfig fanogan ? fanogan.seed() : ((AlphaGanConfig) config).seed();
    }

    private static Set<BodyPart> parts(TrainingRequest request, MuraDataset dataset) {
        if (!request.bodyParts().isEmpty()) {
            return request.bodyParts();
        }
        Set<BodyPart> present = EnumSet.noneOf(BodyPart.class);
        dataset.images(Split.TRAIN).forEach(image -> present.add(image.bodyPart()));
        if (present.isEmpty()) {
            throw new IllegalArgumentException("the train split of " + dataset.datasetDir() + " has no images");
        }
        return present;
    }

    private static Map<String, Set<BodyPart>> models(TrainingRequest request, Set<BodyPart> parts) {
        String algorithm = request.algorithm().id();
        Map<String, Set<BodyPart>> models = new LinkedHashMap<>();
        if (request.scope() == ModelScope.ALL_BODY_PARTS) {
            models.put(algorithm + "/ALL", parts);
        } else {
            parts.forEach(part -> models.put(algorithm + "/" + part.name(), EnumSet.of(part)));
        }
        return models;
    }

    // Identifies the exact training images: their paths and sizes, in a stable order.
    private static String fingerprint(Path root, List<MuraImage> images) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (MuraImage image : images.stream().sorted(Comparator.comparing(MuraImage::path)).toList()) {
                sha.update((root.relativize(image.path()) + "\t" + Files.size(image.path()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training images' sizes", e);
        }
    }
}
