package org.xray.anomaly.alphagan;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Binary cross-entropy on discriminator logits {@code a}: {@code BCE(a, y) = -y log s(a) - (1 - y) log(1 - s(a))}. */
final class Logits {

    private Logits() {
    }

    static double sigmoid(double logit) {
        return 1.0 / (1.0 + Math.exp(-logit));
    }

    /** {@code BCE(a, y)} written to stay finite for large {@code |a|}: {@code max(a, 0) - a y + log(1 + e^-|a|)}. */
    static double crossEntropy(double logit, double label) {
        return Math.max(logit, 0) - logit * label + Math.log1p(Math.exp(-Math.abs(logit)));
    }

    /**
     * The discriminator loss {@code sum_i BCE(a_i, y_i) / n} and its gradient per logit, {@code (s(a_i) - y_i) / n}.
     *
     * @param logits {@code [m, 1]}
     * @param labels one label per row
     * @param n      the divisor: the batch size, so that each group of n rows contributes its mean
     */
    static LossAndErrors crossEntropy(INDArray logits, double[] labels, long n) {
        double[] values = logits.toDoubleVector();
        double[] errors = new double[values.length];
        double loss = 0;
        for (int i = 0; i < values.length; i++) {
            loss += crossEntropy(values[i], labels[i]);
            errors[i] = (sigmoid(values[i]) - labels[i]) / n;
        }
        return new LossAndErrors(loss / n,
                Nd4j.create(errors, new long[] {values.length, 1}, 'c').castTo(logits.dataType()));
    }

    /**
     * The encoder's and generator's adversarial loss, non-saturating: {@code sum_i BCE(a_i, 1) / n = sum_i -log s(a_i)
     * / n}, errors {@code (s(a_i) - 1) / n}. The alpha-GAN paper adds the saturating term ({@code -log s(a) + log(1 -
     * s(a))}, which is {@code -a}); that loss has no minimum when the discriminator is piecewise linear, and with the
     * reference's slow discriminator learning rate the encoder drove the code discriminator's logit to 8e4 within 40
     * steps.
     */
    static LossAndErrors foolingLoss(INDArray logits, long n) {
        double[] ones = new double[(int) logits.size(0)];
        Arrays.fill(ones, 1.0);
        return crossEntropy(logits, ones, n);
    }

    /** A loss and its gradient with respect to the logits (the external errors to back-propagate). */
    record LossAndErrors(double loss, INDArray errors) {
    }
}
