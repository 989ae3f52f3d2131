package org.xray.anomaly.gan;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient penalty as extra critic inputs: the parameter gradient of {@code sum(labels * D(inputs))} is the
 * penalty's parameter gradient, so these rows can join the real and fake rows of one critic backward pass.
 *
 * @param inputs             {@code [2n, ...]}: the interpolates moved forwards, then backwards, along their input gradients
 * @param labels             {@code [2n, 1]}: per-sample loss weights
 * @param penalty            the penalty's value, {@code lambda * mean((||g_i|| - 1)^2)}
 * @param meanGradientNorm   mean of {@code ||g_i||}, for progress reports
 */
public record PenaltyTerms(INDArray inputs, INDArray labels, double penalty, double meanGradientNorm) {
}
