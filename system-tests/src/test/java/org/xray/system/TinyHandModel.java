package org.xray.system;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.bundle.ModelBundleReader;
import org.xray.anomaly.bundle.ModelBundleWriter;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanTrainer;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.scoring.TrainedModel;
import org.xray.anomaly.scoring.TrainedModels;
import org.xray.anomaly.training.TrainingImages;
import org.xray.anomaly.training.TrainingListener;
import org.xray.contracts.BodyPart;
import org.xray.evaluation.AveragePrecision;
import org.xray.evaluation.LabelledScores;
import org.xray.evaluation.RocAuc;
import org.xray.evaluation.ScoredImage;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessingRecord;
import org.xray.imaging.PreprocessingSettings;
import org.xray.imaging.RadiographPreprocessor;
import org.xray.training.ValidationRocCurves;

/**
 * A small f-AnoGAN for hands, trained in the test JVM in about 20 s on 2 cores, and signed the way the trainer signs
 * its bundles. Its threshold lies halfway between the scores of the tests' normal and abnormal images, measured on the
 * model read back from the signed bundle (what the scorer loads), so the scorer finds the abnormal image above the
 * threshold and the normal one below it. Its metrics and ROC curve are measured on 16 held-out hands, half with the
 * generator's subtle anomalies, which a model trained this briefly barely tells apart: they are there to be shown,
 * not to be good.
 */
final class TinyHandModel {

    static final String NAME = "fanogan/" + BodyPart.XR_HAND.name();
    private static final int TRAINING_IMAGES = 48;
    private static final int VALIDATION_IMAGES_PER_CLASS = 8;
    /** The two scores must differ by this share of the normal score, so that no rounding can flip either. */
    private static final double MIN_RELATIVE_GAP = 0.2;
    private static final FAnoGanConfig CONFIG = FAnoGanConfig.small().withImageSize(64).withWidths(8, 8, 8)
            .withBatchSize(16).withLearningRate(1e-3).withIterations(15, 100).withSeed(7);

    /**
     * @param signedBundle the bundle bytes as they go on {@code xray.model-artifacts}
     * @param threshold    the XR_HAND threshold signed in the bundle
     */
    record Signed(ModelBundle bundle, byte[] signedBundle, double threshold, double normalScore,
                  double abnormalScore) {
    }

    private TinyHandModel() {
    }

    /**
     * @throws IllegalStateException when the model does not score the abnormal image clearly above the normal one
     */
    static Signed trainAndSign(HandImages images, String version, byte[] signingKey) {
        // preprocess-service's defaults (64 px): the model sees the pixels the scorer will be given
        PreprocessingSettings settings = PreprocessingSettings.defaults();
        RadiographPreprocessor preprocessor = new RadiographPreprocessor(settings);
        List<GrayImage> training = images.normalTrainingImages(TRAINING_IMAGES).stream()
                .map(png -> preprocessor.process(png, BodyPart.XR_HAND).image()).toList();
        List<GrayImage> testImages = List.of(preprocessor.process(images.normalTestImage(), BodyPart.XR_HAND).image(),
                preprocessor.process(images.abnormalTestImage(), BodyPart.XR_HAND).image());

        TrainedModel model = new FAnoGanTrainer(CONFIG)
                .train(TrainingImages.sampledFrom(training, CONFIG.seed()), TrainingListener.NONE);
        List<AnomalyScore> scores = model.score(testImages);
        requireSeparated(scores.get(0).score(), scores.get(1).score());
        double threshold = (scores.get(0).score() + scores.get(1).score()) / 2;

        List<ScoredImage> validation = validate(model, images, preprocessor);
        ModelBundle bundle = TrainedModels.toBundle(model, NAME, version, PreprocessingRecord.of(settings),
                Map.of(BodyPart.XR_HAND.name(), threshold), "synthetic-hands:" + TRAINING_IMAGES, metrics(validation),
                ValidationRocCurves.of(validation), Instant.now());
        byte[] signed = ModelBundleWriter.write(bundle, signingKey);

        List<AnomalyScore> loaded = TrainedModels.fromBundle(ModelBundleReader.read(signed, signingKey))
                .score(testImages);
        double normal = loaded.get(0).score();
        double abnormal = loaded.get(1).score();
        if (!(normal < threshold && abnormal > threshold)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the tiny hand model read back from its bundle"
                    + " scores the test images differently from the trained one: normal %.5f, abnormal %.5f,"
                    + " threshold %.5f", normal, abnormal, threshold));
        }
        return new Signed(bundle, signed, threshold, normal, abnormal);
    }

    /** Scores of held-out hands, for the bundle's metrics and ROC curve (what a dashboard shows of a model). */
    private static List<ScoredImage> validate(TrainedModel model, HandImages images,
                                              RadiographPreprocessor preprocessor) {
        List<HandImages.LabelledImage> labelled = images.validationImages(VALIDATION_IMAGES_PER_CLASS);
        List<AnomalyScore> scores = model.score(labelled.stream()
                .map(image -> preprocessor.process(image.png(), BodyPart.XR_HAND).image()).toList());
        return IntStream.range(0, labelled.size()).mapToObj(i -> new ScoredImage("validation-" + i,
                "validation-study-" + i, BodyPart.XR_HAND, scores.get(i).score(), labelled.get(i).abnormal()))
                .toList();
    }

    private static Map<String, Double> metrics(List<ScoredImage> validation) {
        LabelledScores scores = LabelledScores.of(validation);
        double rocAuc = RocAuc.of(scores.values(), scores.abnormal());
        double averagePrecision = AveragePrecision.of(scores.values(), scores.abnormal());
        return Map.of("XR_HAND.rocAuc", rocAuc, "XR_HAND.averagePrecision", averagePrecision,
                "meanRocAuc", rocAuc, "meanAveragePrecision", averagePrecision);
    }

    private static void requireSeparated(double normal, double abnormal) {
        if (!(abnormal - normal > MIN_RELATIVE_GAP * Math.abs(normal))) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the tiny hand model does not score the"
                    + " abnormal test image clearly above the normal one: normal %.5f, abnormal %.5f. It learned"
                    + " nothing useful (or diverged), so no test on it would mean anything", normal, abnormal));
        }
    }
}
