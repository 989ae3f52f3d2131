package org.xray.anomaly.alphagan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Puts alpha-GAN's four raw scores on one scale before averaging them: each becomes {@code (value - mean) / sd} with
 * the mean and standard deviation it had on normal training images after training. Without this the mean would follow
 * the two discriminator scores, whose range (0 to 1) dwarfs that of the squared errors. A score that was constant on
 * the training images keeps sd 1 (it carries no scale to normalise by).
 *
 * @param means      per raw score, in the order masked MSE, top-k error, {@code 1 - D(x)}, {@code 1 - C(E(x))}
 * @param deviations per raw score, same order; all positive
 */
record ScoreStandardisation(double[] means, double[] deviations) {

    static final int SCORES = 4;
    private static final String[] NAMES = {"maskedMse", "topKError", "imageCriticScore", "codeCriticScore"};
    private static final double TINY_DEVIATION = 1e-12;

    /** Leaves scores as they are: used while the statistics are being measured. */
    static final ScoreStandardisation IDENTITY = new ScoreStandardisation(new double[SCORES],
            new double[] {1, 1, 1, 1});

    ScoreStandardisation {
        if (means.length != SCORES || deviations.length != SCORES) {
            throw new IllegalArgumentException("need " + SCORES + " means and deviations");
        }
        means = means.clone();
        deviations = deviations.clone();
    }

    /** The statistics of raw score vectors (each of length 4). */
    static ScoreStandardisation of(List<double[]> rawScores) {
        double[] means = new double[SCORES];
        double[] deviations = new double[SCORES];
        for (int s = 0; s < SCORES; s++) {
            double sum = 0;
            for (double[] raw : rawScores) {
                sum += raw[s];
            }
            means[s] = sum / rawScores.size();
            double squares = 0;
            for (double[] raw : rawScores) {
                squares += (raw[s] - means[s]) * (raw[s] - means[s]);
            }
            double deviation = Math.sqrt(squares / rawScores.size());
            deviations[s] = deviation > TINY_DEVIATION ? deviation : 1.0;
        }
        return new ScoreStandardisation(means, deviations);
    }

    /** The mean of the standardised scores. */
    double standardisedMean(double[] raw) {
        double sum = 0;
        for (int s = 0; s < SCORES; s++) {
            sum += (raw[s] - means[s]) / deviations[s];
        }
        return sum / SCORES;
    }

    byte[] toBytes() {
        Properties properties = new Properties();
        for (int s = 0; s < SCORES; s++) {
            properties.setProperty(NAMES[s] + ".mean", Double.toString(means[s]));
            properties.setProperty(NAMES[s] + ".sd", Double.toString(deviations[s]));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            properties.store(bytes, "alpha-GAN score standardisation (normal training images)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ScoreStandardisation fromBytes(byte[] bytes) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] means = new double[SCORES];
        double[] deviations = new double[SCORES];
        for (int s = 0; s < SCORES; s++) {
            means[s] = number(properties, NAMES[s] + ".mean");
            deviations[s] = number(properties, NAMES[s] + ".sd");
            if (!(deviations[s] > 0)) {
                throw new IllegalArgumentException(NAMES[s] + ".sd must be positive, was " + deviations[s]);
            }
        }
        return new ScoreStandardisation(means, deviations);
    }

    private static double number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("score standardisation lacks " + key);
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score standardisation " + key + " is not a number: " + value, e);
        }
    }
}
