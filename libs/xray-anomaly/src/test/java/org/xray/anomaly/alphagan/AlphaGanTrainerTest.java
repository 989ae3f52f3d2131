package org.xray.anomaly.alphagan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.SyntheticRadiographs;
import org.xray.anomaly.TestImages;
import org.xray.anomaly.training.Phase;
import org.xray.anomaly.training.TrainingImages;
import org.xray.anomaly.training.TrainingListener;
import org.xray.anomaly.training.TrainingProgress;
import org.xray.imaging.GrayImage;

class AlphaGanTrainerTest {

    private static final AlphaGanConfig TINY = AlphaGanConfig.small().withImageSize(16).withWidth(4)
            .withBatchSize(4).withIterations(3);
    private static final TrainingImages RANDOM = (index, size) -> TestImages.random(size, 16, index);

    @Test
    void reportsEveryIterationWithFiniteNamedLosses() {
        Recorder recorder = new Recorder();

        new AlphaGanTrainer(TINY).train(RANDOM, recorder);

        assertThat(recorder.reports).extracting(TrainingProgress::iteration).containsExactly(1, 2, 3);
        assertThat(recorder.reports).allSatisfy(report -> {
            assertThat(report.phase()).isEqualTo(Phase.GAN);
            assertThat(report.iterations()).isEqualTo(3);
            assertThat(report.losses()).containsOnlyKeys("l1", "generator", "encoder", "discriminator", "code");
            assertThat(report.losses().values()).allMatch(Double::isFinite);
        });
        assertThat(recorder.finished).containsExactly(Phase.GAN);
    }

    @Test
    void sameSeedTrainsTheSameModel() {
        List<GrayImage> images = TestImages.random(5, 16, 9);

        List<AlphaGanScores> first = new AlphaGanTrainer(TINY).train(RANDOM, TrainingListener.NONE).scoreAll(images);
        List<AlphaGanScores> second = new AlphaGanTrainer(TINY).train(RANDOM, TrainingListener.NONE)
                .scoreAll(images);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void reconstructionErrorFallsWhileTrainingOnEasyImages() {
        List<GrayImage> ramps = TestImages.ramps(16, 16, 1);
        Recorder recorder = new Recorder();

        new AlphaGanTrainer(TINY.withBatchSize(8).withIterations(150))
                .train(TrainingImages.sampledFrom(ramps, 1), recorder);

        assertThat(meanL1(recorder.reports.subList(140, 150)))
                .isLessThan(0.7 * meanL1(recorder.reports.subList(0, 10)));
    }

    @Test
    void stopsAfterTheCurrentIterationWhenInterrupted() {
        TrainingListener interruptAtSecond = new TrainingListener() {
            @Override
            public void onIteration(TrainingProgress progress) {
                if (progress.iteration() == 2) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            assertThatThrownBy(() -> new AlphaGanTrainer(TINY).train(RANDOM, interruptAtSecond))
                    .isInstanceOf(CancellationException.class).hasMessageContaining("iteration 2");
        } finally {
            Thread.interrupted();
        }
    }

    private static double meanL1(List<TrainingProgress> reports) {
        return reports.stream().mapToDouble(report -> report.losses().get("l1")).average().orElseThrow();
    }

    private static final class Recorder implements TrainingListener {
        final List<TrainingProgress> reports = new ArrayList<>();
        final List<Phase> finished = new ArrayList<>();

        @Override
        public void onIteration(TrainingProgress progress) {
            reports.add(progress);
        }

        @Override
        public void onPhaseFinished(Phase phase) {
            finished.add(phase);
        }
    }
}
