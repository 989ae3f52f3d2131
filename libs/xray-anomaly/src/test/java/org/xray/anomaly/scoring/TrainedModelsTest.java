package org.xray.anomaly.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.TestImages;
import org.xray.anomaly.alphagan.AlphaGanConfig;
import org.xray.anomaly.alphagan.AlphaGanTrainer;
import org.xray.anomaly.bundle.BundleManifest;
import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.bundle.ModelBundleReader;
import org.xray.anomaly.bundle.ModelBundleWriter;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanTrainer;
import org.xray.anomaly.training.TrainingListener;
import org.xray.imaging.GrayImage;

class TrainedModelsTest {

    private static final byte[] KEY = new byte[32];
    private static final List<GrayImage> IMAGES = TestImages.random(5, 16, 11);

    @Test
    void fAnoGanBundleLoadsToAModelThatScoresIdentically() {
        TrainedModel model = new FAnoGanTrainer(FAnoGanConfig.small().withImageSize(16).withWidths(4, 4, 4)
                .withBatchSize(4).withIterations(1, 1)).train(TrainedModelsTest::sample, TrainingListener.NONE);

        TrainedModel loaded = TrainedModels.fromBundle(writtenAndRead(model));

        assertThat(loaded.algorithm()).isEqualTo(Algorithm.FANOGAN);
        assertThat(loaded.hyperparameters()).isEqualTo(model.hyperparameters());
        assertThat(loaded.score(IMAGES)).usingRecursiveFieldByFieldElementComparator().isEqualTo(model.score(IMAGES));
    }

    @Test
    void alphaGanBundleLoadsToAModelThatScoresIdentically() {
        TrainedModel model = new AlphaGanTrainer(AlphaGanConfig.small().withImageSize(16).withWidth(4)
                .withBatchSize(4).withIterations(1)).train(TrainedModelsTest::sample, TrainingListener.NONE);

        TrainedModel loaded = TrainedModels.fromBundle(writtenAndRead(model));

        assertThat(loaded.algorithm()).isEqualTo(Algorithm.ALPHAGAN);
        assertThat(loaded.score(IMAGES)).usingRecursiveFieldByFieldElementComparator().isEqualTo(model.score(IMAGES));
    }

    @Test
    void refusesAnUnknownAlgorithm() {
        ModelBundle bundle = new ModelBundle(manifest("vae", Map.of()), Map.of("net.zip", new byte[] {1}));

        assertThatThrownBy(() -> TrainedModels.fromBundle(bundle)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown algorithm 'vae'; known: fanogan, alphagan");
    }

    @Test
    void refusesAManifestWhoseImageSizeDisagreesWithTheNetworks() {
        TrainedModel model = new FAnoGanTrainer(FAnoGanConfig.small().withImageSize(16).withWidths(4, 4, 4)
                .withBatchSize(4).withIterations(0, 0)).train(TrainedModelsTest::sample, TrainingListener.NONE);
        BundleManifest wrongSize = new BundleManifest(1, "fanogan/XR_HAND", "v1", "fanogan", 64, Map.of(),
                Map.of(), "fingerprint", model.hyperparameters(), Map.of(), Map.of(), Instant.EPOCH, Map.of());

        assertThatThrownBy(() -> TrainedModels.fromBundle(new ModelBundle(wrongSize, model.toEntries())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares image size 64 but its networks take 16");
    }

    private static ModelBundle writtenAndRead(TrainedModel model) {
        ModelBundle bundle = TrainedModels.toBundle(model, model.algorithm().id() + "/XR_HAND", "v1",
                Map.of("size", "16"), Map.of("XR_HAND", 0.5), "fingerprint", Map.of("XR_HAND.rocAuc", 0.7), Map.of(),
                Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(bundle.manifest().imageSize()).isEqualTo(16);
        return ModelBundleReader.read(ModelBundleWriter.write(bundle, KEY), KEY);
    }

    private static BundleManifest manifest(String algorithm, Map<String, String> hyperparameters) {
        return new BundleManifest(1, algorithm + "/XR_HAND", "v1", algorithm, 16, Map.of(), Map.of(),
                "fingerprint", hyperparameters, Map.of(), Map.of(), Instant.EPOCH, Map.of());
    }

    private static List<GrayImage> sample(long index, int size) {
        return TestImages.random(size, 16, index);
    }
}
