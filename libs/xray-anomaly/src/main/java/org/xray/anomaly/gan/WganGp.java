package org.xray.anomaly.gan;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.xray.anomaly.nn.Gradients;

/**
 * WGAN-GP steps (Gulrajani et al. 2017) on a generator G and a critic D whose output layer is identity + Wasserstein
 * loss. Critic loss {@code mean D(G(z)) - mean D(x) + lambda GP}; generator loss {@code -mean D(G(z))}. The generator
 * runs in training mode throughout (batch statistics), as in the reference implementations. Not thread-safe.
 */
public final class WganGp {

    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork critic;
    private final GradientPenalty penalty;

    public WganGp(MultiLayerNetwork generator, MultiLayerNetwork critic, GradientPenalty penalty) {
        this.generator = generator;
        this.critic = critic;
        this.penalty = penalty;
    }

    /**
     * One critic update: one backward pass over {@code [real; fake; x+; x-]} with labels {@code [-1/n, +1/n, penalty
     * labels]} gives the whole critic gradient.
     *
     * @param alpha interpolation factors {@code [n, 1]} in [0, 1)
     */
    public CriticStep criticStep(INDArray real, INDArray z, INDArray alpha, int iteration) {
        long n = real.size(0);
        INDArray fake = generator.output(z, true);
        PenaltyTerms terms = penalty.terms(critic, GradientPenalty.interpolate(real, fake, alpha));
        INDArray inputs = Nd4j.concat(0, real, fake, terms.inputs());
        INDArray labels = Nd4j.concat(0, Nd4j.valueArrayOf(new long[] {n, 1}, -1.0 / n, real.dataType()),
                Nd4j.valueArrayOf(new long[] {n, 1}, 1.0 / n, real.dataType()), terms.labels());
        Gradient gradient = critic.calculateGradients(inputs, labels, null, null).getFirst();
        Gradients.apply(critic, gradient, iteration);
        return new CriticStep(terms.penalty(), terms.meanGradientNorm());
    }

    /** One generator update through the critic's input gradient (external errors); returns the generator loss. */
    public double generatorStep(INDArray z, int iteration) {
        long n = z.size(0);
        generator.setInput(z);
        List<INDArray> activations = generator.feedForward(true, false);
        INDArray fake = activations.get(activations.size() - 1);
        double loss = -critic.output(fake, false).meanNumber().doubleValue();
        INDArray labels = Nd4j.valueArrayOf(new long[] {n, 1}, -1.0 / n, z.dataType());
        INDArray fakeGradient = critic.calculateGradients(fake, labels, null, null).getSecond().dup();
        Gradient gradient = generator.backpropGradient(fakeGradient, LayerWorkspaceMgr.noWorkspaces()).getFirst();
        Gradients.apply(generator, gradient, iteration);
        return loss;
    }

    /** The critic's estimate of the Wasserstein distance, {@code mean D(x) - mean D(G(z))}, without updating. */
    public double wassersteinEstimate(INDArray real, INDArray z) {
        INDArray fake = generator.output(z, true);
        return critic.output(real, false).meanNumber().doubleValue()
                - critic.output(fake, false).meanNumber().doubleValue();
    }
}
