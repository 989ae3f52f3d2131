package org.xray.anomaly.fanogan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.training.TrainingImages;
import org.xray.anomaly.SyntheticRadiographs;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.training.ConsoleProgressReporter;
import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.AnomalyKind;
import org.xray.datasets.synthetic.NuisanceVariation;
import org.xray.evaluation.RocAuc;
import org.xray.imaging.GrayImage;

/**
 * Acceptance (issue 4): f-AnoGAN trained on normal synthetic radiographs of one body part scores held-out synthetic
 * images (all four anomaly kinds) with image-level ROC-AUC of at least 0.70. Prints the AUC overall, per score
 * (combined, image residual, feature residual) and per anomaly kind.
 *
 * <p>Sized for CI on 2 cores (about one minute): 32x32 rendered directly, widths 16, batch 32, lr 1e-3, 5 critic steps,
 * 150 WGAN-GP + 300 izi_f encoder iterations on a pool of 512 normals. The images are rendered with
 * {@link NuisanceVariation#REDUCED}: per-seed anatomy, bone texture and noise vary, but pose, exposure, collimation and
 * marker do not. With full nuisance variation this schedule reaches only 0.55 (see
 * {@code bench.FAnoGanLearningExperiment}): a one-minute GAN cannot learn the whole range of pose and exposure, so
 * its residuals measure nuisance rather than anomalies. This test therefore checks that the model learns and detects,
 * not how it fares on realistic images. Training seeds 1,000,000 on, held-out seeds 2,000,000 on (normals first, then
 * 25 abnormal images per kind), so no held-out image shares anatomy with a training image.
 */
class FAnoGanLearningTest {

    static final FAnoGanConfig CONFIG = FAnoGanConfig.small()
            .withWidths(16, 16, 16)
            .withBatchSize(32)
            .withIterations(150, 300)
            .withLearningRate(1e-3)
            .withSeed(7);
    private static final BodyPart PART = BodyPart.XR_FOREARM;
    private static final int TRAINING_POOL = 512;
    private static final int HELD_OUT_PER_KIND = 25;

    @Test
    void separatesHeldOutAbnormalFromNormalRadiographs() {
        long start = System.nanoTime();
        SyntheticRadiographs radiographs = new SyntheticRadiographs(PART, CONFIG.imageSize(), false,
                NuisanceVariation.REDUCED);
        List<GrayImage> pool = radiographs.normals(1_000_000L, TRAINING_POOL);

        FAnoGanModel model = new FAnoGanTrainer(CONFIG)
                .train(TrainingImages.sampledFrom(pool, CONFIG.seed()), new ConsoleProgressReporter(System.out, 50));

        int normals = AnomalyKind.values().length * HELD_OUT_PER_KIND;
        List<GrayImage> heldOut = new ArrayList<>();
        boolean[] abnormal = new boolean[2 * normals];
        for (int i = 0; i < normals; i++) {
            heldOut.add(radiographs.image(Optional.empty(), 2_000_000L + i));
        }
        for (AnomalyKind kind : AnomalyKind.values()) {
            for (int i = 0; i < HELD_OUT_PER_KIND; i++) {
                abnormal[heldOut.size()] = true;
                heldOut.add(radiographs.image(Optional.of(kind), 2_000_000L + heldOut.size()));
            }
        }
        List<AnomalyScore> scores = model.score(heldOut);

        double auc = auc(scores, abnormal, AnomalyScore::score, -1);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "f-AnoGAN %dx%d on %s (reduced nuisance): ROC-AUC %.3f (image residual %.3f, feature residual %.3f);",
                CONFIG.imageSize(), CONFIG.imageSize(), PART, auc, auc(scores, abnormal, AnomalyScore::imageResidual, -1),
                auc(scores, abnormal, AnomalyScore::featureResidual, -1)));
        for (AnomalyKind kind : AnomalyKind.values()) {
            report.append(String.format(Locale.ROOT, " %s %.2f", kind, auc(scores, abnormal, AnomalyScore::score,
                    kind.ordinal())));
        }
        System.out.println(report.append(String.format(Locale.ROOT, "; %.0f s", (System.nanoTime() - start) / 1e9)));

        assertThat(scores).allSatisfy(s -> assertThat(s.score()).isFinite());
        assertThat(auc).as("image-level ROC-AUC over all four anomaly kinds").isGreaterThanOrEqualTo(0.70);
    }

    /** AUC of the normals against all abnormal images ({@code kind < 0}) or against one kind's. */
    private static double auc(List<AnomalyScore> scores, boolean[] abnormal, ToDoubleFunction<AnomalyScore> value,
                              int kind) {
        int normals = AnomalyKind.values().length * HELD_OUT_PER_KIND;
        List<Double> values = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            boolean included = !abnormal[i] || kind < 0 || (i - normals) / HELD_OUT_PER_KIND == kind;
            if (included) {
                values.add(value.applyAsDouble(scores.get(i)));
                labels.add(abnormal[i]);
            }
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] positives = new boolean[labels.size()];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = labels.get(i);
        }
        return RocAuc.of(v, positives);
    }
}
