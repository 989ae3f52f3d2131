package org.xray.anomaly.scoring;

/**
 * One image's anomaly score, in the model's [-1, 1] pixel scale. The two residuals are model-specific: for f-AnoGAN
 * (Schlegl et al. 2019, izi_f) the pixel and critic-feature residuals, for alpha-GAN the masked reconstruction MSE
 * and the top-k pixel error (see {@code AlphaGanScores}).
 *
 * @param imageResidual   f-AnoGAN: {@code mean (x - G(E(x)))^2}; alpha-GAN: masked reconstruction MSE
 * @param featureResidual f-AnoGAN: {@code mean (f(x) - f(G(E(x))))^2}; alpha-GAN: mean of the top-k pixel errors
 * @param score           the model's combined score; higher is more anomalous
 * @param residualMap     {@code |x - G(E(x))|} per pixel, row-major, {@code size * size} values in [0, 2]
 * @param reconstruction  {@code G(E(x))} per pixel, row-major, {@code size * size} values in [-1, 1]
 */
public record AnomalyScore(double imageResidual, double featureResidual, double score, float[] residualMap,
                           float[] reconstruction) {
}
