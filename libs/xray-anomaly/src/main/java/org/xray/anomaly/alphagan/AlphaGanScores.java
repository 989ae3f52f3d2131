package org.xray.anomaly.alphagan;

/**
 * The five alpha-GAN anomaly scores of one image; higher is more anomalous for each.
 *
 * @param maskedMse        mean squared reconstruction error {@code (x - G(E(x)))^2} over the foreground pixels
 *                         ({@link AlphaGanConfig#foregroundThreshold}), over all pixels when an image has none
 * @param topKError        mean of the {@link AlphaGanConfig#topKPixels} largest foreground squared errors
 * @param imageCriticScore {@code 1 - D(x)}: how unreal the image discriminator finds x
 * @param codeCriticScore  {@code 1 - C(E(x))}: how far from the prior N(0, I) the code discriminator finds x's code
 * @param mean             the mean of the four after standardising each with its mean and standard deviation on
 *                         normal training images (see {@link ScoreStandardisation})
 */
public record AlphaGanScores(double maskedMse, double topKError, double imageCriticScore, double codeCriticScore,
                             double mean) {
}
