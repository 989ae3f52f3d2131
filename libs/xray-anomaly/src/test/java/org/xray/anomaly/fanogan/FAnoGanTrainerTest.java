package org.xray.anomaly.fanogan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.anomaly.TestImages;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.training.Phase;
import org.xray.anomaly.training.TrainingImages;
import org.xray.anomaly.training.TrainingListener;
import org.xray.anomaly.training.TrainingProgress;
import org.xray.imaging.GrayImage;

class FAnoGanTrainerTest {

    private static final FAnoGanConfig CONFIG = FAnoGanConfig.small().withImageSize(16).withWidths(4, 4, 4)
            .withBatchSize(4);
    private static final TrainingImages IMAGES = (index, size) -> TestImages.random(size, 16, index);
    private static final List<GrayImage> PROBES = TestImages.random(3, 16, 99);

    @Test
    void reportsEveryIterationOfBothPhasesWithLossesAndThroughput() {
        Recorder recorder = new Recorder();

        new FAnoGanTrainer(CONFIG.withIterations(2, 3)).train(IMAGES, recorder);

        assertThat(recorder.progress).extracting(TrainingProgress::phase, TrainingProgress::iteration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Phase.GAN, 1),
                        org.assertj.core.groups.Tuple.tuple(Phase.GAN, 2),
                        org.assertj.core.groups.Tuple.tuple(Phase.ENCODER, 1),
                        org.assertj.core.groups.Tuple.tuple(Phase.ENCODER, 2),
                        org.assertj.core.groups.Tuple.tuple(Phase.ENCODER, 3));
        assertThat(recorder.progress.get(0).losses()).containsKeys("critic", "generator", "penalty", "wasserstein");
        assertThat(recorder.progress.get(4).losses()).containsKeys("encoder", "image", "feature");
        assertThat(recorder.progress).allMatch(p -> p.imagesPerSecond() > 0);
        assertThat(recorder.finished).containsExactly(Phase.GAN, Phase.ENCODER);
    }

    @Test
    void sameSeedGivesTheSameModel() {
        FAnoGanConfig config = CONFIG.withIterations(2, 2);

        List<AnomalyScore> first = new FAnoGanTrainer(config).train(IMAGES, TrainingListener.NONE).score(PROBES);
        List<AnomalyScore> second = new FAnoGanTrainer(config).train(IMAGES, TrainingListener.NONE).score(PROBES);

        assertThat(second).usingRecursiveFieldByFieldElementComparator().isEqualTo(first);
    }

    @Test
    void resumedRunContinuesFromTheCheckpointAndEndsWhereAnUninterruptedRunEnds(@TempDir Path directory) {
        FAnoGanConfig full = CONFIG.withIterations(4, 2);
        new FAnoGanTrainer(full.withIterations(2, 0)).withCheckpoints(directory, 1).train(IMAGES, TrainingListener.NONE);

        Recorder resumed = new Recorder();
        FAnoGanModel resumedModel = new FAnoGanTrainer(full).withCheckpoints(directory, 1).train(IMAGES, resumed);
        FAnoGanModel uninterrupted = new FAnoGanTrainer(full).train(IMAGES, TrainingListener.NONE);

        assertThat(resumed.progress.get(0).phase()).isEqualTo(Phase.GAN);
        assertThat(resumed.progress.get(0).iteration()).isEqualTo(3);
        assertThat(resumed.checkpoints).contains("GAN 4", "ENCODER 2");
        assertThat(resumedModel.score(PROBES)).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(uninterrupted.score(PROBES));
    }

    private static final class Recorder implements TrainingListener {
        final List<TrainingProgress> progress = new ArrayList<>();
        final List<Phase> finished = new ArrayList<>();
        final List<String> checkpoints = new ArrayList<>();

        @Override
        public void onIteration(TrainingProgress p) {
            progress.add(p);
        }

        @Override
        public void onCheckpoint(Phase phase, int iteration, Path directory) {
            checkpoints.add(phase + " " + iteration);
        }

        @Override
        public void onPhaseFinished(Phase phase) {
            finished.add(phase);
        }
    }
}
