package org.xray.anomaly.fanogan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.xray.anomaly.nn.ImageTensors;
import org.xray.anomaly.nn.NetworkBytes;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.scoring.Algorithm;
import org.xray.anomaly.scoring.TrainedModel;
import org.xray.imaging.GrayImage;

/**
 * A trained f-AnoGAN: generator G, critic D and izi_f encoder E. Scores images by {@code ||x - G(E(x))||^2 / N +
 * kappa ||f(x) - f(G(E(x)))||^2 / M} and returns the residual heat map.
 *
 * <p>Not thread-safe (DL4J networks keep per-call state): use one instance per worker thread, made with
 * {@link #copy()}.
 */
public final class FAnoGanModel implements TrainedModel {

    public static final String GENERATOR_ENTRY = "generator.zip";
    public static final String CRITIC_ENTRY = "critic.zip";
    public static final String ENCODER_ENTRY = "encoder.zip";

    private final FAnoGanConfig config;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork critic;
    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork foldedGenerator;
    private final MultiLayerNetwork features;

    FAnoGanModel(FAnoGanConfig config, MultiLayerNetwork generator, MultiLayerNetwork critic,
                 MultiLayerNetwork encoder) {
        this.config = Objects.requireNonNull(config, "config");
        this.generator = generator;
        this.critic = critic;
        this.encoder = encoder;
        this.foldedGenerator = foldedGenerator(config, generator);
        this.features = criticFeatures(config, critic);
    }

    /** Restores a model from {@link #toEntries()}; the config must be the one it was trained with. */
    public static FAnoGanModel fromEntries(Map<String, byte[]> entries, FAnoGanConfig config) {
        return new FAnoGanModel(config, NetworkBytes.read(entry(entries, GENERATOR_ENTRY), false),
                NetworkBytes.read(entry(entries, CRITIC_ENTRY), false),
                NetworkBytes.read(entry(entries, ENCODER_ENTRY), false));
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.FANOGAN;
    }

    @Override
    public int imageSize() {
        return config.imageSize();
    }

    /** The three networks in DL4J's format (without optimiser state), named {@code generator.zip} and so on. */
    @Override
    public Map<String, byte[]> toEntries() {
        return Map.of(GENERATOR_ENTRY, NetworkBytes.write(generator, false),
                CRITIC_ENTRY, NetworkBytes.write(critic, false),
                ENCODER_ENTRY, NetworkBytes.write(encoder, false));
    }

    @Override
    public FAnoGanModel copy() {
        return new FAnoGanModel(config, generator.clone(), critic.clone(), encoder.clone());
    }

    @Override
    public FAnoGanConfig config() {
        return config;
    }

    @Override
    public List<AnomalyScore> score(List<GrayImage> images) {
        List<AnomalyScore> scores = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += config.batchSize()) {
            List<GrayImage> batch = images.subList(from, Math.min(images.size(), from + config.batchSize()));
            scores.addAll(scoreBatch(ImageTensors.toTensor(batch, config.imageSize(), config.dataType())));
        }
        return scores;
    }

    /** {@code G(E(x))} as images, for inspection. */
    public List<GrayImage> reconstruct(List<GrayImage> images) {
        INDArray reconstructions = foldedGenerator.output(encoder.output(
                ImageTensors.toTensor(images, config.imageSize(), config.dataType()), false), false);
        INDArray rows = ImageTensors.rows(reconstructions);
        List<GrayImage> result = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            result.add(org.xray.imaging.Normalization.fromUnitRange(rows.getRow(i).toFloatVector(),
                    config.imageSize(), config.imageSize()));
        }
        return result;
    }

    private List<AnomalyScore> scoreBatch(INDArray images) {
        Reconstruction reconstruction = Reconstruction.of(images, encoder, foldedGenerator, features);
        INDArray pixelResiduals = reconstruction.pixelResiduals();
        double[] imageResiduals = Reconstruction.meanSquares(pixelResiduals).toDoubleVector();
        double[] featureResiduals = Reconstruction.meanSquares(reconstruction.featureResiduals()).toDoubleVector();
        INDArray maps = Transforms.abs(pixelResiduals, false);
        INDArray reconstructions = ImageTensors.rows(reconstruction.reconstructions());
        List<AnomalyScore> scores = new ArrayList<>(imageResiduals.length);
        for (int i = 0; i < imageResiduals.length; i++) {
            scores.add(new AnomalyScore(imageResiduals[i], featureResiduals[i],
                    imageResiduals[i] + config.kappa() * featureResiduals[i],
                    maps.getRow(i).toFloatVector(), reconstructions.getRow(i).toFloatVector()));
        }
        return scores;
    }

    static MultiLayerNetwork foldedGenerator(FAnoGanConfig config, MultiLayerNetwork generator) {
        MultiLayerNetwork folded = FAnoGanNetworks.foldedGenerator(config);
        BatchNormFolding.fold(generator, folded, config);
        return folded;
    }

    static MultiLayerNetwork criticFeatures(FAnoGanConfig config, MultiLayerNetwork critic) {
        MultiLayerNetwork features = FAnoGanNetworks.criticFeatures(config);
        // The critic's parameters are laid out layer by layer, so its feature layers' come first.
        features.params().reshape(-1).assign(critic.params().reshape(-1).get(NDArrayIndex.interval(0,
                features.numParams())));
        return features;
    }

    private static byte[] entry(Map<String, byte[]> entries, String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("model entries lack " + name + ", have " + entries.keySet());
        }
        return bytes;
    }
}
