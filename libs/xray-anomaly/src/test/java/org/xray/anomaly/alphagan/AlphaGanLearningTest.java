package org.xray.anomaly.alphagan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.training.TrainingImages;
import org.xray.anomaly.training.ConsoleProgressReporter;
import org.xray.anomaly.training.TrainingListener;
import org.xray.anomaly.training.TrainingProgress;
import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.AnomalyKind;
import org.xray.evaluation.RocAuc;
import org.xray.imaging.GrayImage;
import org.xray.anomaly.SyntheticRadiographs;

/**
 * Acceptance: alpha-GAN trained on normal synthetic radiographs of one body part runs to the end with finite losses,
 * and the best of its five scores separates held-out normal from abnormal images (all four anomaly kinds) better than
 * chance. All five image-level ROC-AUCs are printed. Sized for CI on 2 cores; system properties {@code
 * learning.iterations}, {@code learning.width}, {@code learning.lambda} and {@code learning.part} enlarge it.
 */
class AlphaGanLearningTest {

    private static final AlphaGanConfig SMALL = AlphaGanConfig.small();
    private static final AlphaGanConfig CONFIG = SMALL
            .withWidth(Integer.getInteger("learning.width", SMALL.encoderWidth()))
            .withIterations(Integer.getInteger("learning.iterations", SMALL.iterations()))
            .withReconstructionWeight(Double.parseDouble(System.getProperty("learning.lambda",
                    Double.toString(SMALL.reconstructionWeight()))))
            .withSeed(7);
    private static final BodyPart PART = BodyPart.valueOf(System.getProperty("learning.part", "XR_FOREARM"));
    private static final int TRAINING_POOL = 512;
    private static final int HELD_OUT_PER_KIND = 25;

    @Test
    void bestOfTheFiveScoresSeparatesHeldOutAbnormalFromNormalRadiographs() {
        long start = System.nanoTime();
        SyntheticRadiographs radiographs = new SyntheticRadiographs(PART, CONFIG.imageSize(), true);
        List<GrayImage> pool = radiographs.normals(1_000_000L, TRAINING_POOL);
        List<TrainingProgress> progress = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onIteration(TrainingProgress report) {
                progress.add(report);
            }
        };

        AlphaGanModel model = new AlphaGanTrainer(CONFIG).train(TrainingImages.sampledFrom(pool, CONFIG.seed()),
                recorder.and(new ConsoleProgressReporter(System.out, 50)));

        List<GrayImage> heldOut = new ArrayList<>();
        boolean[] abnormal = new boolean[2 * AnomalyKind.values().length * HELD_OUT_PER_KIND];
        long seed = 2_000_000L;
        for (int i = 0; i < AnomalyKind.values().length * HELD_OUT_PER_KIND; i++) {
            heldOut.add(radiographs.image(Optional.empty(), seed++));
        }
        for (AnomalyKind kind : AnomalyKind.values()) {
            for (int i = 0; i < HELD_OUT_PER_KIND; i++) {
                abnormal[heldOut.size()] = true;
                heldOut.add(radiographs.image(Optional.of(kind), seed++));
            }
        }
        List<AlphaGanScores> scores = model.scoreAll(heldOut);
        Map<String, Double> aucs = new LinkedHashMap<>();
        aucs.put("maskedMse", auc(scores, abnormal, AlphaGanScores::maskedMse));
        aucs.put("topKError", auc(scores, abnormal, AlphaGanScores::topKError));
        aucs.put("1-D(x)", auc(scores, abnormal, AlphaGanScores::imageCriticScore));
        aucs.put("1-C(E(x))", auc(scores, abnormal, AlphaGanScores::codeCriticScore));
        aucs.put("mean", auc(scores, abnormal, AlphaGanScores::mean));
        double best = aucs.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "alpha-GAN %dx%d on %s, %d iterations:",
                CONFIG.imageSize(), CONFIG.imageSize(), PART, CONFIG.iterations()));
        aucs.forEach((name, value) -> report.append(String.format(Locale.ROOT, " %s %.3f", name, value)));
        report.append(String.format(Locale.ROOT, "; best %.3f; %.0f s", best, (System.nanoTime() - start) / 1e9));
        System.out.println(report);
        assertThat(progress).hasSize(CONFIG.iterations());
        assertThat(progress).allSatisfy(step -> assertThat(step.losses().values()).allMatch(Double::isFinite));
        assertThat(best).isGreaterThan(0.5);
    }

    private static double auc(List<AlphaGanScores> scores, boolean[] abnormal,
                              ToDoubleFunction<AlphaGanScores> score) {
        return RocAuc.of(scores.stream().mapToDouble(score).toArray(), abnormal);
    }
}
