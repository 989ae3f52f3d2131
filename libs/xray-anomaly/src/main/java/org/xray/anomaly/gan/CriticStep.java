package org.xray.anomaly.gan;

/**
 * What one critic step saw.
 *
 * @param penalty          the gradient penalty (already weighted by lambda)
 * @param meanGradientNorm mean {@code ||grad_x D(xhat)||}; WGAN-GP drives it to 1
 */
public record CriticStep(double penalty, double meanGradientNorm) {
}
