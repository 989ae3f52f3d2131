package org.xray.anomaly.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xray.anomaly.training.TrainingImages;
import org.xray.anomaly.SyntheticRadiographs;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanModel;
import org.xray.anomaly.fanogan.FAnoGanTrainer;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.training.ConsoleProgressReporter;
import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.AnomalyKind;
import org.xray.datasets.synthetic.NuisanceVariation;
import org.xray.evaluation.RocAuc;
import org.xray.imaging.GrayImage;

/**
 * The issue-4 acceptance setting as a program, for larger or varied runs: f-AnoGAN trained on normal synthetic
 * radiographs of one body part should separate held-out normal from abnormal ones (all four anomaly kinds) with
 * image-level ROC-AUC >= 0.70. Prints the AUC overall and per anomaly kind for the combined score, the image residual,
 * the feature residual and the top-2% residual-map mean; exits 1 below 0.70. The CI-sized check is
 * {@code fanogan.FAnoGanLearningTest} (reduced nuisance, about one minute, 0.84).
 *
 * <p>Findings (2 cores, 32x32 rendered directly, widths 16, batch 32, lr 1e-3, 150 GAN + 300 encoder iterations
 * unless noted; AUC overall, then FRACTURE / HARDWARE / LYTIC_LESION / JOINT_SPACE_LOSS):
 * <ul>
 *   <li>Full nuisance variation: 0.547 (0.54 / 0.75 / 0.38 / 0.51), 53 s. Earlier: 500 + 500 iterations 0.51;
 *       through RadiographPreprocessor (rendered at 128) 0.45-0.58. With the held-out abnormal images on the normals'
 *       seeds ({@code learning.paired}) 0.554 (0.61 / 0.68 / 0.50 / 0.43): the LYTIC_LESION 0.38 was the nuisance
 *       of that particular 25-seed sample, not a property of lesions. 2 critic steps, 400 GAN iterations: 0.569, 71 s;
 *       same with lr 2e-3: 0.555; 2 critic steps, 1200 GAN + 600 encoder iterations: 0.567 (0.57 / 0.77 / 0.40 /
 *       0.52), 180 s; preprocessed (rendered at 128), paired: 0.541, 56 s; XR_HUMERUS: 0.530 (0.48 / 0.69 / 0.39 /
 *       0.56), 56 s. No scoring rescues it: image residual, feature residual (kappa weighting) and the top-2%
 *       residual-map mean stay within 0.48-0.57 overall in all these runs. The residuals are dominated by pose and exposure the one-minute GAN has not
 *       learned.</li>
 *   <li>The renderer is not biased: each concern has its own random stream, and at equal seeds normal and abnormal
 *       images differ only by the anomaly (mean absolute pixel difference 0.015 fracture, 0.015 hardware, 0.003
 *       lesion, 0.001 joint-space loss at 32 px, against 0.15 mean distance from the mean image). Group means of
 *       100 normals differ by as much between seed ranges (mean intensity 0.227 vs 0.250) as normals from abnormals,
 *       so "abnormal images are closer to the mean image" comes from small held-out samples.</li>
 *   <li>Reduced nuisance ({@code learning.variation=REDUCED}, fixed pose and exposure, no collimation or marker;
 *       distance from the mean image 0.03): 0.839 (1.00 / 1.00 / 0.79 / 0.57), 54 s; paired 0.835, 57 s; paired with
 *       seed 11 0.850, 52 s. JOINT_SPACE_LOSS stays near chance at 32 px (0.001 mean pixel change).</li>
 * </ul>
 * Properties {@code learning.size}, {@code learning.width}, {@code learning.gan}, {@code learning.encoder},
 * {@code learning.lr}, {@code learning.critic}, {@code learning.kappa}, {@code learning.seed}, {@code learning.part},
 * {@code learning.preprocess}, {@code learning.variation} (FULL or REDUCED), {@code learning.paired} and
 * {@code learning.heldout} (per kind) vary the setting. Run it like {@code FAnoGanBenchmark} (docs/BENCHMARKS.md),
 * with this class as the main class.
 */
public final class FAnoGanLearningExperiment {

    static final FAnoGanConfig CONFIG = withCritic(FAnoGanConfig.small()
            .withImageSize(Integer.getInteger("learning.size", 32))
            .withWidths(Integer.getInteger("learning.width", 16), Integer.getInteger("learning.width", 16),
                    Integer.getInteger("learning.width", 16))
            .withBatchSize(32)
            .withIterations(Integer.getInteger("learning.gan", 150), Integer.getInteger("learning.encoder", 300))
            .withLearningRate(Double.parseDouble(System.getProperty("learning.lr", "1e-3")))
            .withSeed(Long.getLong("learning.seed", 7)), Integer.getInteger("learning.critic", 5),
            Double.parseDouble(System.getProperty("learning.kappa", "1")));
    private static final boolean PAIRED = Boolean.parseBoolean(System.getProperty("learning.paired", "false"));
    private static final BodyPart PART = BodyPart.valueOf(System.getProperty("learning.part", "XR_FOREARM"));
    private static final int TRAINING_POOL = 512;
    private static final int HELD_OUT_PER_KIND = Integer.getInteger("learning.heldout", 25);

    private FAnoGanLearningExperiment() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        SyntheticRadiographs radiographs = new SyntheticRadiographs(PART, CONFIG.imageSize(), Boolean.getBoolean("learning.preprocess"),
                NuisanceVariation.valueOf(System.getProperty("learning.variation", "FULL")));
        List<GrayImage> pool = radiographs.normals(1_000_000L, TRAINING_POOL);

        FAnoGanModel model = new FAnoGanTrainer(CONFIG)
                .train(TrainingImages.sampledFrom(pool, CONFIG.seed()), new ConsoleProgressReporter(System.out, 50));

        List<GrayImage> heldOut = new ArrayList<>();
        List<Boolean> abnormal = new ArrayList<>();
        long seed = 2_000_000L;
        for (int i = 0; i < AnomalyKind.values().length * HELD_OUT_PER_KIND; i++) {
            heldOut.add(radiographs.image(Optional.empty(), seed++));
            abnormal.add(false);
        }
        long abnormalSeed = PAIRED ? 2_000_000L : seed;
        for (AnomalyKind kind : AnomalyKind.values()) {
            for (int i = 0; i < HELD_OUT_PER_KIND; i++) {
                heldOut.add(radiographs.image(Optional.of(kind), abnormalSeed++));
                abnormal.add(true);
            }
        }
        List<AnomalyScore> scores = model.score(heldOut);

        double auc = auc(scores, abnormal, AnomalyScore::score);
        System.out.printf("f-AnoGAN %dx%d on %s: ROC-AUC %.3f (image residual %.3f, feature residual %.3f); %s; "
                        + "%.0f s%n", CONFIG.imageSize(), CONFIG.imageSize(), PART, auc,
                auc(scores, abnormal, AnomalyScore::imageResidual), auc(scores, abnormal, AnomalyScore::featureResidual),
                perKind(scores, abnormal, AnomalyScore::score), (System.nanoTime() - start) / 1e9);
        System.out.printf("  image residual: %s%n  feature residual: %s%n  top-2%% residual %.3f: %s%n",
                perKind(scores, abnormal, AnomalyScore::imageResidual),
                perKind(scores, abnormal, AnomalyScore::featureResidual),
                auc(scores, abnormal, FAnoGanLearningExperiment::topResidual),
                perKind(scores, abnormal, FAnoGanLearningExperiment::topResidual));
        if (auc < 0.70) {
            System.out.println("below the 0.70 acceptance level");
            System.exit(1);
        }
    }

    /** Mean of the largest 2% of the residual map: a local score for small anomalies. */
    static double topResidual(AnomalyScore score) {
        float[] map = score.residualMap().clone();
        java.util.Arrays.sort(map);
        int k = Math.max(1, map.length / 50);
        double sum = 0;
        for (int i = map.length - k; i < map.length; i++) {
            sum += map[i];
        }
        return sum / k;
    }

    static FAnoGanConfig withCritic(FAnoGanConfig c, int criticIterations, double kappa) {
        return new FAnoGanConfig(c.imageSize(), c.latentSize(), c.criticWidth(), c.generatorWidth(), c.encoderWidth(),
                c.batchSize(), criticIterations, c.generatorIterations(), c.encoderIterations(), c.learningRate(),
                c.beta1(), c.beta2(), c.gradientPenaltyWeight(), kappa, c.seed(), c.dataType());
    }

    private static String perKind(List<AnomalyScore> scores, List<Boolean> abnormal,
                                  java.util.function.ToDoubleFunction<AnomalyScore> value) {
        int normals = AnomalyKind.values().length * HELD_OUT_PER_KIND;
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < AnomalyKind.values().length; k++) {
            List<AnomalyScore> subset = new ArrayList<>(scores.subList(0, normals));
            List<Boolean> labels = new ArrayList<>(abnormal.subList(0, normals));
            int from = normals + k * HELD_OUT_PER_KIND;
            subset.addAll(scores.subList(from, from + HELD_OUT_PER_KIND));
            labels.addAll(abnormal.subList(from, from + HELD_OUT_PER_KIND));
            text.append(String.format("%s %.2f ", AnomalyKind.values()[k], auc(subset, labels, value)));
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
