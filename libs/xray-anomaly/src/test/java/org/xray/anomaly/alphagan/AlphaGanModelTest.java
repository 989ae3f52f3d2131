package org.xray.anomaly.alphagan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.TestImages;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.training.TrainingListener;
import org.xray.imaging.GrayImage;

class AlphaGanModelTest {

    private static final AlphaGanConfig CONFIG = AlphaGanConfig.small().withImageSize(16).withWidth(4)
            .withBatchSize(4).withIterations(2);
    private static AlphaGanModel model;
    private static List<GrayImage> images;

    @BeforeAll
    static void trainTinyModel() {
        images = TestImages.random(7, 16, 3);
        model = new AlphaGanTrainer(CONFIG).train((index, size) -> TestImages.random(size, 16, index),
                TrainingListener.NONE);
    }

    @Test
    void scoresEachImageFiveWays() {
        List<AlphaGanScores> scores = model.scoreAll(images);

        assertThat(scores).hasSize(images.size());
        for (AlphaGanScores score : scores) {
            assertThat(score.maskedMse()).isPositive();
            assertThat(score.topKError()).isGreaterThanOrEqualTo(score.maskedMse());
            assertThat(score.imageCriticScore()).isBetween(0.0, 1.0);
            assertThat(score.codeCriticScore()).isBetween(0.0, 1.0);
            assertThat(score.mean()).isFinite();
        }
    }

    @Test
    void anomalyScoreCarriesMaskedMseTopKErrorAndTheMean() {
        List<AlphaGanScores> all = model.scoreAll(images);
        List<AnomalyScore> scores = model.score(images);

        for (int i = 0; i < images.size(); i++) {
            assertThat(scores.get(i).imageResidual()).isEqualTo(all.get(i).maskedMse());
            assertThat(scores.get(i).featureResidual()).isEqualTo(all.get(i).topKError());
            assertThat(scores.get(i).score()).isEqualTo(all.get(i).mean());
            assertThat(scores.get(i).residualMap()).hasSize(16 * 16);
        }
    }

    @Test
    void meanAveragesTheFourScoresStandardisedWithTrainingStatistics() {
        ScoreStandardisation statistics = new ScoreStandardisation(new double[] {0.1, 0.2, 0.3, 0.4},
                new double[] {0.5, 0.25, 2, 4});
        AlphaGanScores score = model.withStandardisation(statistics).scoreAll(images.subList(0, 1)).get(0);

        double expected = ((score.maskedMse() - 0.1) / 0.5 + (score.topKError() - 0.2) / 0.25
                + (score.imageCriticScore() - 0.3) / 2 + (score.codeCriticScore() - 0.4) / 4) / 4;
        assertThat(score.mean()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void maskedMseLeavesOutBlackBackground() {
        GrayImage image = TestImages.halfBlack(16, 5);
        AnomalyScore score = model.score(List.of(image)).get(0);

        double sum = 0;
        int foreground = 0;
        for (int j = 0; j < image.pixels().length; j++) {
            if ((image.pixels()[j] & 0xFF) / 127.5 - 1 > CONFIG.foregroundThreshold()) {
                sum += score.residualMap()[j] * (double) score.residualMap()[j];
                foreground++;
            }
        }
        assertThat(foreground).isLessThan(16 * 16 / 2 + 1);
        assertThat(score.imageResidual()).isCloseTo(sum / foreground, within(1e-6));
    }

    @Test
    void imageWithoutForegroundCountsEveryPixel() {
        AnomalyScore score = model.score(List.of(new GrayImage(16, 16, new byte[16 * 16]))).get(0);

        double sum = 0;
        for (float residual : score.residualMap()) {
            sum += residual * (double) residual;
        }
        assertThat(score.imageResidual()).isCloseTo(sum / (16 * 16), within(1e-6));
    }

    @Test
    void scoresDoNotDependOnHowImagesAreBatched() {
        List<AlphaGanScores> together = model.scoreAll(images);
        List<AlphaGanScores> alone = new ArrayList<>();
        for (GrayImage image : images) {
            alone.addAll(model.scoreAll(List.of(image)));
        }
        for (int i = 0; i < images.size(); i++) {
            assertThat(alone.get(i).mean()).isCloseTo(together.get(i).mean(), within(1e-4));
        }
    }

    @Test
    void savedAndLoadedModelGivesIdenticalScores() {
        Map<String, byte[]> entries = model.toEntries();

        AlphaGanModel loaded = AlphaGanModel.fromEntries(entries, CONFIG);

        assertThat(entries).containsOnlyKeys("encoder.zip", "generator.zip", "discriminator.zip",
                "code-discriminator.zip", "score-standardisation.properties");
        assertThat(loaded.scoreAll(images)).isEqualTo(model.scoreAll(images));
        assertThat(loaded.score(images)).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(model.score(images));
    }

    @Test
    void copyScoresLikeTheOriginal() {
        assertThat(model.copy().scoreAll(images)).isEqualTo(model.scoreAll(images));
    }

    @Test
    void refusesImagesOfAnotherSize() {
        assertThatThrownBy(() -> model.score(TestImages.random(1, 32, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16x16");
    }

    @Test
    void refusesEntriesWithoutTheScoreStandardisation() {
        Map<String, byte[]> entries = new HashMap<>(model.toEntries());
        entries.remove("score-standardisation.properties");

        assertThatThrownBy(() -> AlphaGanModel.fromEntries(entries, CONFIG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score-standardisation");
    }
}
