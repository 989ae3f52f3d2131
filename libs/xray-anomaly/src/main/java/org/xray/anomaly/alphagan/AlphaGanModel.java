package org.xray.anomaly.alphagan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.xray.anomaly.nn.NetworkBytes;
import org.xray.anomaly.nn.ImageTensors;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.scoring.Algorithm;
import org.xray.anomaly.scoring.TrainedModel;
import org.xray.imaging.GrayImage;

/**
 * A trained alpha-GAN: encoder E, generator G, image discriminator D and code discriminator C. Scores an image x by
 * its reconstruction {@code G(E(x))} and both discriminators' verdicts (see {@link AlphaGanScores}).
 *
 * <p>As an {@link TrainedModel}: {@code imageResidual} is the masked MSE, {@code featureResidual} the top-k pixel
 * error, {@code score} the standardised mean of the four, and the map is {@code |x - G(E(x))|} per pixel.
 *
 * <p>Not thread-safe (DL4J networks keep per-call state): use one instance per worker thread, made with
 * {@link #copy()}.
 */
public final class AlphaGanModel implements TrainedModel {

    public static final String ENCODER_ENTRY = "encoder.zip";
    public static final String GENERATOR_ENTRY = "generator.zip";
    public static final String DISCRIMINATOR_ENTRY = "discriminator.zip";
    public static final String CODE_DISCRIMINATOR_ENTRY = "code-discriminator.zip";
    public static final String STANDARDISATION_ENTRY = "score-standardisation.properties";

    private final AlphaGanConfig config;
    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final MultiLayerNetwork codeDiscriminator;
    private final ScoreStandardisation standardisation;

    AlphaGanModel(AlphaGanConfig config, MultiLayerNetwork encoder, MultiLayerNetwork generator,
                  MultiLayerNetwork discriminator, MultiLayerNetwork codeDiscriminator,
                  ScoreStandardisation standardisation) {
        this.config = Objects.requireNonNull(config, "config");
        this.encoder = encoder;
        this.generator = generator;
        this.discriminator = discriminator;
        this.codeDiscriminator = codeDiscriminator;
        this.standardisation = standardisation;
    }

    /** Restores a model from {@link #toEntries()}; the config must be the one it was trained with. */
    public static AlphaGanModel fromEntries(Map<String, byte[]> entries, AlphaGanConfig config) {
        return new AlphaGanModel(config, NetworkBytes.read(entry(entries, ENCODER_ENTRY), false),
                NetworkBytes.read(entry(entries, GENERATOR_ENTRY), false),
                NetworkBytes.read(entry(entries, DISCRIMINATOR_ENTRY), false),
                NetworkBytes.read(entry(entries, CODE_DISCRIMINATOR_ENTRY), false),
                ScoreStandardisation.fromBytes(entry(entries, STANDARDISATION_ENTRY)));
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.ALPHAGAN;
    }

    @Override
    public int imageSize() {
        return config.imageSize();
    }

    /** The four networks in DL4J's format (without optimiser state) and the score standardisation. */
    @Override
    public Map<String, byte[]> toEntries() {
        return Map.of(ENCODER_ENTRY, NetworkBytes.write(encoder, false),
                GENERATOR_ENTRY, NetworkBytes.write(generator, false),
                DISCRIMINATOR_ENTRY, NetworkBytes.write(discriminator, false),
                CODE_DISCRIMINATOR_ENTRY, NetworkBytes.write(codeDiscriminator, false),
                STANDARDISATION_ENTRY, standardisation.toBytes());
    }

    @Override
    public AlphaGanModel copy() {
        return new AlphaGanModel(config, encoder.clone(), generator.clone(), discriminator.clone(),
                codeDiscriminator.clone(), standardisation);
    }

    @Override
    public AlphaGanConfig config() {
        return config;
    }

    @Override
    public List<AnomalyScore> score(List<GrayImage> images) {
        List<RawScores> raw = rawScores(images);
        List<AnomalyScore> scores = new ArrayList<>(raw.size());
        for (RawScores image : raw) {
            scores.add(new AnomalyScore(image.maskedMse(), image.topKError(),
                    standardisation.standardisedMean(image.values()), image.residualMap(),
                    image.reconstruction()));
        }
        return scores;
    }

    /** All five scores per image, in order. */
    public List<AlphaGanScores> scoreAll(List<GrayImage> images) {
        List<RawScores> raw = rawScores(images);
        List<AlphaGanScores> scores = new ArrayList<>(raw.size());
        for (RawScores image : raw) {
            double[] values = image.values();
            scores.add(new AlphaGanScores(values[0], values[1], values[2], values[3],
                    standardisation.standardisedMean(values)));
        }
        return scores;
    }

    /** The same networks with other score statistics (set once after training). */
    AlphaGanModel withStandardisation(ScoreStandardisation statistics) {
        return new AlphaGanModel(config, encoder, generator, discriminator, codeDiscriminator, statistics);
    }

    /** The four scores before standardisation, with the residual maps, in batches of the configured size. */
    List<RawScores> rawScores(List<GrayImage> images) {
        List<RawScores> scores = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += config.batchSize()) {
            List<GrayImage> batch = images.subList(from, Math.min(images.size(), from + config.batchSize()));
            scores.addAll(rawScoresOfBatch(ImageTensors.toTensor(batch, config.imageSize(), config.dataType())));
        }
        return scores;
    }

    private List<RawScores> rawScoresOfBatch(INDArray images) {
        INDArray codes = encoder.output(images, false);
        float[][] originals = ImageTensors.rows(images).toFloatMatrix();
        float[][] reconstructions = ImageTensors.rows(generator.output(codes, false)).toFloatMatrix();
        double[] imageLogits = discriminator.output(images, false).toDoubleVector();
        double[] codeLogits = codeDiscriminator.output(codes, false).toDoubleVector();
        List<RawScores> scores = new ArrayList<>(originals.length);
        for (int i = 0; i < originals.length; i++) {
            scores.add(pixelScores(originals[i], reconstructions[i], 1 - Logits.sigmoid(imageLogits[i]),
                    1 - Logits.sigmoid(codeLogits[i])));
        }
        return scores;
    }

    /** Squared errors count on foreground pixels only, or on all pixels of an image that has no foreground. */
    private RawScores pixelScores(float[] original, float[] reconstruction, double imageCriticScore,
                                 double codeCriticScore) {
        int pixels = original.length;
        boolean anyForeground = false;
        for (float value : original) {
            anyForeground |= value > config.foregroundThreshold();
        }
        float[] residualMap = new float[pixels];
        double[] countedSquares = new double[pixels];
        double sum = 0;
        int counted = 0;
        for (int j = 0; j < pixels; j++) {
            double residual = reconstruction[j] - original[j];
            residualMap[j] = (float) Math.abs(residual);
            if (!anyForeground || original[j] > config.foregroundThreshold()) {
                countedSquares[j] = residual * residual;
                sum += countedSquares[j];
                counted++;
            }
        }
        Arrays.sort(countedSquares);
        int k = config.topKPixels();
        double topSum = 0;
        for (int j = pixels - k; j < pixels; j++) {
            topSum += countedSquares[j];
        }
        return new RawScores(new double[] {sum / counted, topSum / k, imageCriticScore, codeCriticScore},
                residualMap, reconstruction);
    }

    private static byte[] entry(Map<String, byte[]> entries, String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("model entries lack " + name + ", have " + entries.keySet());
        }
        return bytes;
    }

    /**
     * @param values      masked MSE, top-k error, {@code 1 - D(x)}, {@code 1 - C(E(x))}
     * @param residualMap    {@code |x - G(E(x))|} per pixel, row-major
     * @param reconstruction {@code G(E(x))} per pixel, row-major
     */
    record RawScores(double[] values, float[] residualMap, float[] reconstruction) {

        double maskedMse() {
            return values[0];
        }

        double topKError() {
            return values[1];
        }
    }
}
