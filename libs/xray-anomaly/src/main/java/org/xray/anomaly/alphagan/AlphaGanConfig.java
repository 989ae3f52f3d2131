package org.xray.anomaly.alphagan;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * alpha-GAN hyperparameters (Rosca et al. 2017): network sizes, the training schedule, the anomaly scores' settings
 * and the seed.
 *
 * @param imageSize               side of the square 1-channel input, a power of two from 16 to 256 (32, 64 or 128 in
 *                                use; 16 only for tests)
 * @param latentSize              size of the code z
 * @param encoderWidth            channels of the encoder's first convolution; each downsampling doubles them
 * @param generatorWidth          channels of the generator's last hidden deconvolution (mirrors the encoder)
 * @param discriminatorWidth      channels of the image discriminator's first convolution
 * @param codeDiscriminatorWidth  units of each of the code discriminator's two hidden layers
 * @param batchSize               images per step
 * @param iterations              training steps; each updates E and G, then D, then C once
 * @param generatorLearningRate   Adam learning rate of the encoder and the generator
 * @param discriminatorLearningRate Adam learning rate of the image and code discriminators
 * @param beta1                   Adam beta1 of all four networks
 * @param beta2                   Adam beta2 of all four networks
 * @param reconstructionWeight    lambda of the L1 reconstruction term {@code lambda mean |x - G(E(x))|}
 * @param topKFraction            share of an image's pixels whose largest squared errors make the top-k score
 * @param foregroundThreshold     pixels above this value ([-1, 1] scale) are foreground for the masked MSE; -0.9
 *                                separates the black padding of preprocessed radiographs from the body part
 * @param calibrationBatches      training batches scored after training to standardise the four scores
 * @param seed                    seeds weights, latent samples and calibration batches
 * @param dataType                FLOAT for training and scoring
 */
public record AlphaGanConfig(int imageSize, int latentSize, int encoderWidth, int generatorWidth,
                             int discriminatorWidth, int codeDiscriminatorWidth, int batchSize, int iterations,
                             double generatorLearningRate, double discriminatorLearningRate, double beta1,
                             double beta2, double reconstructionWeight, double topKFraction,
                             double foregroundThreshold, int calibrationBatches, long seed, DataType dataType) {

    public AlphaGanConfig {
        if (imageSize < 16 || imageSize > 256 || Integer.bitCount(imageSize) != 1) {
            throw new IllegalArgumentException("imageSize must be a power of two from 16 to 256, was " + imageSize);
        }
        requirePositive("latentSize", latentSize);
        requirePositive("encoderWidth", encoderWidth);
        requirePositive("generatorWidth", generatorWidth);
        requirePositive("discriminatorWidth", discriminatorWidth);
        requirePositive("codeDiscriminatorWidth", codeDiscriminatorWidth);
        requirePositive("batchSize", batchSize);
        requirePositive("calibrationBatches", calibrationBatches);
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative, was " + iterations);
        }
        if (!(generatorLearningRate > 0) || !(discriminatorLearningRate > 0) || beta1 < 0 || beta1 >= 1
                || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("Adam needs learning rates > 0 and betas in [0, 1)");
        }
        if (!(reconstructionWeight >= 0)) {
            throw new IllegalArgumentException("reconstructionWeight must not be negative, was "
                    + reconstructionWeight);
        }
        if (!(topKFraction > 0 && topKFraction <= 1)) {
            throw new IllegalArgumentException("topKFraction must be in (0, 1], was " + topKFraction);
        }
        if (!(foregroundThreshold >= -1 && foregroundThreshold < 1)) {
            throw new IllegalArgumentException("foregroundThreshold must be in [-1, 1), was " + foregroundThreshold);
        }
        Objects.requireNonNull(dataType, "dataType");
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("dataType must be a floating-point type, was " + dataType);
        }
    }

    /**
     * Full size: 64x64, DCGAN widths 64, z of 128 (as for f-AnoGAN), batch 64; Adam betas (0.5, 0.999) with learning
     * rates 1e-3 for E and G and 5e-5 for D and C, as in Valentyn1997/xray's alpha-GAN on MURA; top 1% of pixels.
     * lambda 100 is what the 32x32 learning test needed for the reconstruction to progress (at 10 the adversarial
     * terms dominated); the reference's 0.01 belongs to a differently scaled loss. Not yet validated at 64x64.
     */
    public static AlphaGanConfig published() {
        return new AlphaGanConfig(64, 128, 64, 64, 64, 512, 64, 50_000, 1e-3, 5e-5, 0.5, 0.999, 100.0, 0.01, -0.9,
                16, 42L, DataType.FLOAT);
    }

    /**
     * Small networks for tests: 32x32, width 8, batch 32, the learning test's 800 steps. The discriminators learn at
     * 1e-3 like E and G: at 2e-4 the encoder outran the code discriminator in a run this short (its loss reached 64
     * after 100 steps).
     */
    public static AlphaGanConfig small() {
        return new AlphaGanConfig(32, 32, 8, 8, 8, 64, 32, 800, 1e-3, 1e-3, 0.5, 0.999, 100.0, 0.01, -0.9, 4, 42L,
                DataType.FLOAT);
    }

    /** How many stride-2 stages take the image down to (or up from) 4x4. */
    public int downsamplings() {
        return Integer.numberOfTrailingZeros(imageSize) - 2;
    }

    /** How many pixels the top-k score averages: at least one. */
    public int topKPixels() {
        return Math.max(1, (int) Math.round(topKFraction * imageSize * imageSize));
    }

    public AlphaGanConfig withImageSize(int size) {
        return new AlphaGanConfig(size, latentSize, encoderWidth, generatorWidth, discriminatorWidth,
                codeDiscriminatorWidth, batchSize, iterations, generatorLearningRate, discriminatorLearningRate, beta1,
                beta2, reconstructionWeight, topKFraction, foregroundThreshold, calibrationBatches, seed, dataType);
    }

    /** The same width for the encoder, generator and image discriminator. */
    public AlphaGanConfig withWidth(int width) {
        return new AlphaGanConfig(imageSize, latentSize, width, width, width, codeDiscriminatorWidth, batchSize,
                iterations, generatorLearningRate, discriminatorLearningRate, beta1, beta2, reconstructionWeight,
                topKFraction, foregroundThreshold, calibrationBatches, seed, dataType);
    }

    public AlphaGanConfig withBatchSize(int size) {
        return new AlphaGanConfig(imageSize, latentSize, encoderWidth, generatorWidth, discriminatorWidth,
                codeDiscriminatorWidth, size, iterations, generatorLearningRate, discriminatorLearningRate, beta1,
                beta2, reconstructionWeight, topKFraction, foregroundThreshold, calibrationBatches, seed, dataType);
    }

    public AlphaGanConfig withIterations(int count) {
        return new AlphaGanConfig(imageSize, latentSize, encoderWidth, generatorWidth, discriminatorWidth,
                codeDiscriminatorWidth, batchSize, count, generatorLearningRate, discriminatorLearningRate, beta1,
                beta2, reconstructionWeight, topKFraction, foregroundThreshold, calibrationBatches, seed, dataType);
    }

    public AlphaGanConfig withReconstructionWeight(double lambda) {
        return new AlphaGanConfig(imageSize, latentSize, encoderWidth, generatorWidth, discriminatorWidth,
                codeDiscriminatorWidth, batchSize, iterations, generatorLearningRate, discriminatorLearningRate, beta1,
                beta2, lambda, topKFraction, foregroundThreshold, calibrationBatches, seed, dataType);
    }

    public AlphaGanConfig withSeed(long newSeed) {
        return new AlphaGanConfig(imageSize, latentSize, encoderWidth, generatorWidth, discriminatorWidth,
                codeDiscriminatorWidth, batchSize, iterations, generatorLearningRate, discriminatorLearningRate, beta1,
                beta2, reconstructionWeight, topKFraction, foregroundThreshold, calibrationBatches, newSeed, dataType);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
