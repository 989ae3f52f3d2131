package org.xray.anomaly.scoring;

/**
 * One image's f-AnoGAN anomaly score (Schlegl et al. 2019, izi_f), all in the model's [-1, 1] pixel scale.
 *
 * @param imageResidual   mean squared pixel residual {@code mean (x - G(E(x)))^2}
 * @param featureResidual mean squared critic-feature residual {@code mean (f(x) - f(G(E(x))))^2}
 * @param score           {@code imageResidual + kappa * featureResidual}; higher is more anomalous
 * @param residualMap     {@code |x - G(E(x))|} per pixel, row-major, {@code size * size} values in [0, 2]
 */
public record AnomalyScore(double imageResidual, double featureResidual, double score, float[] residualMap) {
}
