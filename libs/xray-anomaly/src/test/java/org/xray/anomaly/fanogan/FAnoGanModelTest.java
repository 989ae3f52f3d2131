package org.xray.anomaly.fanogan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.TestImages;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.training.TrainingListener;
import org.xray.imaging.GrayImage;

class FAnoGanModelTest {

    private static final FAnoGanConfig CONFIG = FAnoGanConfig.small().withImageSize(16).withWidths(4, 4, 4)
            .withBatchSize(4).withIterations(2, 2);
    private static FAnoGanModel model;
    private static List<GrayImage> images;

    @BeforeAll
    static void trainTinyModel() {
        images = TestImages.random(7, 16, 3);
        model = new FAnoGanTrainer(CONFIG).train((index, size) -> TestImages.random(size, 16, index),
                TrainingListener.NONE);
    }

    @Test
    void scoresEachImageWithResidualsAndAHeatMap() {
        List<AnomalyScore> scores = model.score(images);

        assertThat(scores).hasSize(images.size());
        for (AnomalyScore score : scores) {
            assertThat(score.imageResidual()).isPositive();
            assertThat(score.featureResidual()).isNotNegative();
            assertThat(score.score()).isEqualTo(score.imageResidual() + CONFIG.kappa() * score.featureResidual());
            assertThat(score.residualMap()).hasSize(16 * 16);
        }
    }

    @Test
    void heatMapMeanSquareIsTheImageResidual() {
        AnomalyScore score = model.score(images.subList(0, 1)).get(0);
        double sum = 0;
        for (float value : score.residualMap()) {
            sum += value * value;
        }
        assertThat(sum / score.residualMap().length).isCloseTo(score.imageResidual(),
                org.assertj.core.data.Percentage.withPercentage(1e-3));
    }

    @Test
    void scoresDoNotDependOnHowImagesAreBatched() {
        List<AnomalyScore> together = model.score(images);
        List<AnomalyScore> alone = new ArrayList<>();
        for (GrayImage image : images) {
            alone.addAll(model.score(List.of(image)));
        }
        for (int i = 0; i < images.size(); i++) {
            assertThat(alone.get(i).score()).isCloseTo(together.get(i).score(),
                    org.assertj.core.data.Percentage.withPercentage(1e-3));
        }
    }

    @Test
    void savedAndLoadedModelGivesIdenticalScores() {
        Map<String, byte[]> entries = model.toEntries();

        FAnoGanModel loaded = FAnoGanModel.fromEntries(entries, CONFIG);

        assertThat(entries).containsOnlyKeys("generator.zip", "critic.zip", "encoder.zip");
        assertThat(loaded.score(images)).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(model.score(images));
    }

    @Test
    void copyScoresLikeTheOriginal() {
        assertThat(model.copy().score(images)).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(model.score(images));
    }

    @Test
    void refusesImagesOfAnotherSize() {
        assertThatThrownBy(() -> model.score(TestImages.random(1, 32, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16x16");
    }

    @Test
    void refusesEntriesWithoutAllThreeNetworks() {
        Map<String, byte[]> entries = new java.util.HashMap<>(model.toEntries());
        entries.remove("encoder.zip");

        assertThatThrownBy(() -> FAnoGanModel.fromEntries(entries, CONFIG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encoder.zip");
    }
}
