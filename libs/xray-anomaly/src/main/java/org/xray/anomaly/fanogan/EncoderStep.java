package org.xray.anomaly.fanogan;

/**
 * The izi_f losses of one encoder step (batch means).
 *
 * @param imageLoss   {@code MSE(x, G(E(x)))}
 * @param featureLoss {@code MSE(f(x), f(G(E(x))))}
 * @param loss        {@code imageLoss + kappa * featureLoss}
 */
public record EncoderStep(double imageLoss, double featureLoss, double loss) {
}
