package org.xray.anomaly.fanogan;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * f-AnoGAN hyperparameters: network sizes, the WGAN-GP and izi_f encoder schedules, and the seed.
 *
 * @param imageSize             side of the square 1-channel input, a power of two from 8 to 256 (64 as published;
 *                              below 32 only for tests)
 * @param latentSize            size of z
 * @param criticWidth           channels of the critic's first convolution; each downsampling doubles them
 * @param generatorWidth        channels of the generator's last hidden deconvolution (mirrors the critic)
 * @param encoderWidth          channels of the encoder's first convolution
 * @param batchSize             images per step
 * @param criticIterations      critic steps per generator step (5 in WGAN-GP)
 * @param generatorIterations   generator steps of the WGAN-GP phase
 * @param encoderIterations     steps of the izi_f encoder phase
 * @param learningRate          Adam learning rate (1e-4)
 * @param beta1                 Adam beta1 (0)
 * @param beta2                 Adam beta2 (0.9)
 * @param gradientPenaltyWeight lambda of the gradient penalty (10)
 * @param kappa                 weight of the feature residual in the encoder loss and the anomaly score (1)
 * @param seed                  seeds weights, latent samples and interpolation factors
 * @param dataType              FLOAT for training and scoring; DOUBLE for gradient checks
 */
public record FAnoGanConfig(int imageSize, int latentSize, int criticWidth, int generatorWidth, int encoderWidth,
                            int batchSize, int criticIterations, int generatorIterations, int encoderIterations,
                            double learningRate, double beta1, double beta2, double gradientPenaltyWeight,
                            double kappa, long seed, DataType dataType) {

    public FAnoGanConfig {
        if (imageSize < 8 || imageSize > 256 || Integer.bitCount(imageSize) != 1) {
            throw new IllegalArgumentException("imageSize must be a power of two from 8 to 256, was " + imageSize);
        }
        requirePositive("latentSize", latentSize);
        requirePositive("criticWidth", criticWidth);
        requirePositive("generatorWidth", generatorWidth);
        requirePositive("encoderWidth", encoderWidth);
        requirePositive("batchSize", batchSize);
        requirePositive("criticIterations", criticIterations);
        if (generatorIterations < 0 || encoderIterations < 0) {
            throw new IllegalArgumentException("iteration counts must not be negative");
        }
        if (!(learningRate > 0) || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("Adam needs learningRate > 0 and betas in [0, 1)");
        }
        if (gradientPenaltyWeight < 0 || kappa < 0) {
            throw new IllegalArgumentException("gradientPenaltyWeight and kappa must not be negative");
        }
        Objects.requireNonNull(dataType, "dataType");
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("dataType must be a floating-point type, was " + dataType);
        }
    }

    /**
     * As published (Schlegl et al. 2019, reference code tSchlegl/f-AnoGAN): 64x64, z of 128, DIM 64, batch 64, 5 critic
     * steps per generator step, Adam(1e-4, 0, 0.9), lambda 10, kappa 1; 100k generator and 50k encoder iterations.
     */
    public static FAnoGanConfig published() {
        return new FAnoGanConfig(64, 128, 64, 64, 64, 64, 5, 100_000, 50_000, 1e-4, 0.0, 0.9, 10.0, 1.0, 42L,
                DataType.FLOAT);
    }

    /** Small networks for tests: 32x32, narrow layers, batch 32, short schedules. */
    public static FAnoGanConfig small() {
        return new FAnoGanConfig(32, 32, 8, 8, 8, 32, 5, 200, 200, 1e-4, 0.0, 0.9, 10.0, 1.0, 42L, DataType.FLOAT);
    }

    /** How many stride-2 stages take the image down to (or up from) 4x4. */
    public int downsamplings() {
        return Integer.numberOfTrailingZeros(imageSize) - 2;
    }

    public FAnoGanConfig withImageSize(int size) {
        return new FAnoGanConfig(size, latentSize, criticWidth, generatorWidth, encoderWidth, batchSize,
                criticIterations, generatorIterations, encoderIterations, learningRate, beta1, beta2,
                gradientPenaltyWeight, kappa, seed, dataType);
    }

    public FAnoGanConfig withWidths(int critic, int generator, int encoder) {
        return new FAnoGanConfig(imageSize, latentSize, critic, generator, encoder, batchSize, criticIterations,
                generatorIterations, encoderIterations, learningRate, beta1, beta2, gradientPenaltyWeight, kappa, seed,
                dataType);
    }

    public FAnoGanConfig withBatchSize(int size) {
        return new FAnoGanConfig(imageSize, latentSize, criticWidth, generatorWidth, encoderWidth, size,
                criticIterations, generatorIterations, encoderIterations, learningRate, beta1, beta2,
                gradientPenaltyWeight, kappa, seed, dataType);
    }

    public FAnoGanConfig withIterations(int generator, int encoder) {
        return new FAnoGanConfig(imageSize, latentSize, criticWidth, generatorWidth, encoderWidth, batchSize,
                criticIterations, generator, encoder, learningRate, beta1, beta2, gradientPenaltyWeight, kappa, seed,
                dataType);
    }

    public FAnoGanConfig withLearningRate(double rate) {
        return new FAnoGanConfig(imageSize, latentSize, criticWidth, generatorWidth, encoderWidth, batchSize,
                criticIterations, generatorIterations, encoderIterations, rate, beta1, beta2, gradientPenaltyWeight,
                kappa, seed, dataType);
    }

    public FAnoGanConfig withSeed(long newSeed) {
        return new FAnoGanConfig(imageSize, latentSize, criticWidth, generatorWidth, encoderWidth, batchSize,
                criticIterations, generatorIterations, encoderIterations, learningRate, beta1, beta2,
                gradientPenaltyWeight, kappa, newSeed, dataType);
    }

    public FAnoGanConfig withDataType(DataType type) {
        return new FAnoGanConfig(imageSize, latentSize, criticWidth, generatorWidth, encoderWidth, batchSize,
                criticIterations, generatorIterations, encoderIterations, learningRate, beta1, beta2,
                gradientPenaltyWeight, kappa, seed, type);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
