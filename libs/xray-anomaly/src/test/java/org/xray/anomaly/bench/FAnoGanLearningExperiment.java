package org.xray.anomaly.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xray.anomaly.SyntheticRadiographs;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanModel;
import org.xray.anomaly.fanogan.FAnoGanTrainer;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.training.ConsoleProgressReporter;
import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.AnomalyKind;
import org.xray.evaluation.RocAuc;
import org.xray.imaging.GrayImage;

/**
 * The open acceptance item of issue 4, as a program rather than a skipped test: f-AnoGAN trained on normal synthetic
 * radiographs of one body part should separate held-out normal from abnormal ones (all four anomaly kinds) with
 * image-level ROC-AUC >= 0.70. Prints the AUC overall and per anomaly kind; exits 1 below 0.70.
 *
 * <p>Not met yet: 32x32 rendered directly, widths 16, lr 1e-3, 150 GAN + 300 encoder iterations (about 1 minute)
 * reached 0.55; 500 + 500 iterations 0.51; through RadiographPreprocessor (rendered at 128) 0.45-0.58. HARDWARE alone
 * scores 0.71-0.75, LYTIC_LESION 0.38-0.40 (lesion images reconstruct better than normal ones). Properties
 * {@code learning.size}, {@code learning.width}, {@code learning.gan}, {@code learning.encoder}, {@code learning.lr},
 * {@code learning.part} and {@code learning.preprocess} vary the setting. Run it like {@code FAnoGanBenchmark}
 * (docs/BENCHMARKS.md), with this class as the main class.
 */
public final class FAnoGanLearningExperiment {

    static final FAnoGanConfig CONFIG = FAnoGanConfig.small()
            .withImageSize(Integer.getInteger("learning.size", 32))
            .withWidths(Integer.getInteger("learning.width", 16), Integer.getInteger("learning.width", 16),
                    Integer.getInteger("learning.width", 16))
            .withBatchSize(32)
            .withIterations(Integer.getInteger("learning.gan", 150), Integer.getInteger("learning.encoder", 300))
            .withLearningRate(Double.parseDouble(System.getProperty("learning.lr", "1e-3")))
            .withSeed(7);
    private static final BodyPart PART = BodyPart.valueOf(System.getProperty("learning.part", "XR_FOREARM"));
    private static final int TRAINING_POOL = 512;
    private static final int HELD_OUT_PER_KIND = 25;

    private FAnoGanLearningExperiment() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        SyntheticRadiographs radiographs = new SyntheticRadiographs(PART, CONFIG.imageSize(), Boolean.getBoolean("learning.preprocess"));
        List<GrayImage> pool = radiographs.normals(1_000_000L, TRAINING_POOL);

        FAnoGanModel model = new FAnoGanTrainer(CONFIG)
                .train(SyntheticRadiographs.sampler(pool, CONFIG.seed()), new ConsoleProgressReporter(System.out, 50));

        List<GrayImage> heldOut = new ArrayList<>();
        List<Boolean> abnormal = new ArrayList<>();
        long seed = 2_000_000L;
        for (int i = 0; i < AnomalyKind.values().length * HELD_OUT_PER_KIND; i++) {
            heldOut.add(radiographs.image(Optional.empty(), seed++));
            abnormal.add(false);
        }
        for (AnomalyKind kind : AnomalyKind.values()) {
            for (int i = 0; i < HELD_OUT_PER_KIND; i++) {
                heldOut.add(radiographs.image(Optional.of(kind), seed++));
                abnormal.add(true);
            }
        }
        List<AnomalyScore> scores = model.score(heldOut);

        double auc = auc(scores, abnormal, AnomalyScore::score);
        System.out.printf("f-AnoGAN %dx%d on %s: ROC-AUC %.3f (image residual %.3f, feature residual %.3f); %s; "
                        + "%.0f s%n", CONFIG.imageSize(), CONFIG.imageSize(), PART, auc,
                auc(scores, abnormal, AnomalyScore::imageResidual), auc(scores, abnormal, AnomalyScore::featureResidual),
                perKind(scores, abnormal), (System.nanoTime() - start) / 1e9);
        if (auc < 0.70) {
            System.out.println("below the 0.70 acceptance level");
            System.exit(1);
        }
    }

    private static String perKind(List<AnomalyScore> scores, List<Boolean> abnormal) {
        int normals = AnomalyKind.values().length * HELD_OUT_PER_KIND;
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < AnomalyKind.values().length; k++) {
            List<AnomalyScore> subset = new ArrayList<>(scores.subList(0, normals));
            List<Boolean> labels = new ArrayList<>(abnormal.subList(0, normals));
            int from = normals + k * HELD_OUT_PER_KIND;
            subset.addAll(scores.subList(from, from + HELD_OUT_PER_KIND));
            labels.addAll(abnormal.subList(from, from + HELD_OUT_PER_KIND));
            text.append(String.format("%s %.2f ", AnomalyKind.values()[k], auc(subset, labels, AnomalyScore::score)));
        }
        return text.toString().trim();
    }

    private static double auc(List<AnomalyScore> scores, List<Boolean> abnormal,
                              java.util.function.ToDoubleFunction<AnomalyScore> value) {
        double[] values = scores.stream().mapToDouble(value).toArray();
        boolean[] positives = new boolean[abnormal.size()];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = abnormal.get(i);
        }
        return RocAuc.of(values, positives);
    }
}
