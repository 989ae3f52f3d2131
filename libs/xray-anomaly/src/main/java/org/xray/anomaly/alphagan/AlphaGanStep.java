package org.xray.anomaly.alphagan;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.xray.anomaly.nn.Gradients;
import org.xray.anomaly.nn.ImageTensors;

/**
 * One alpha-GAN training step on a batch of real images x and prior codes z ~ N(0, I):
 * <ol>
 *   <li>E and G on {@code lambda mean|x - G(E(x))|}, {@code -log D} on {@code G(E(x))} and on {@code G(z)}, and
 *       {@code -log C} on {@code E(x)} (non-saturating BCE, see {@link Logits#foolingLoss}), one joint loss (the paper
 *       gives E only the reconstruction and code terms; here E also receives D's gradient through {@code G(E(x))},
 *       which spares a second backward pass through G);</li>
 *   <li>D on BCE with x as real and the same {@code G(E(x))}, {@code G(z)} as fake;</li>
 *   <li>C on BCE with z as real and the same {@code E(x)} as fake.</li>
 * </ol>
 * Gradients are chained by hand: each network's input gradient from {@code backpropGradient} with external errors
 * becomes the errors of the network before it. {@code G(E(x))} and {@code G(z)} go through G as one batch, so G's batch
 * norm sees both. Not thread-safe.
 */
final class AlphaGanStep {

    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final MultiLayerNetwork codeDiscriminator;
    private final double reconstructionWeight;

    AlphaGanStep(MultiLayerNetwork encoder, MultiLayerNetwork generator, MultiLayerNetwork discriminator,
                 MultiLayerNetwork codeDiscriminator, double reconstructionWeight) {
        this.encoder = encoder;
        this.generator = generator;
        this.discriminator = discriminator;
        this.codeDiscriminator = codeDiscriminator;
        this.reconstructionWeight = reconstructionWeight;
    }

    AlphaGanLosses step(INDArray real, INDArray prior, int iteration) {
        EncoderAndGenerator update = encoderAndGenerator(real, prior);
        Gradients.apply(generator, update.generatorGradient(), iteration);
        Gradients.apply(encoder, update.encoderGradient(), iteration);
        double discriminatorLoss = discriminatorStep(real, update.images(), iteration);
        double codeLoss = codeDiscriminatorStep(prior, update.codes(), iteration);
        return new AlphaGanLosses(update.reconstruction(), update.generatorAdversarial(),
                update.encoderAdversarial(), discriminatorLoss, codeLoss);
    }

    /** The E and G gradients of their joint loss (nothing is updated), with what D and C train on next. */
    EncoderAndGenerator encoderAndGenerator(INDArray real, INDArray prior) {
        long n = real.size(0);
        INDArray codes = trainingForward(encoder, real).dup();
        INDArray images = trainingForward(generator, Nd4j.concat(0, codes, prior)).dup();

        Logits.LossAndErrors fooling = Logits.foolingLoss(trainingForward(discriminator, images), n);
        INDArray imageErrors = discriminator.backpropGradient(fooling.errors(), LayerWorkspaceMgr.noWorkspaces())
                .getSecond().dup();
        INDArray residuals = ImageTensors.rows(images.get(NDArrayIndex.interval(0, n))).sub(ImageTensors.rows(real));
        double reconstruction = Transforms.abs(residuals, true).meanNumber().doubleValue();
        // d (lambda mean |r|) / d r = lambda sign(r) / (number of elements)
        INDArray reconstructionErrors = Transforms.sign(residuals, true)
                .muli(reconstructionWeight / residuals.length());
        imageErrors.get(NDArrayIndex.interval(0, n)).addi(reconstructionErrors.reshape('c', real.shape()));

        Pair<Gradient, INDArray> throughGenerator = generator.backpropGradient(imageErrors,
                LayerWorkspaceMgr.noWorkspaces());
        Gradient generatorGradient = throughGenerator.getFirst();
        INDArray codeErrors = throughGenerator.getSecond().get(NDArrayIndex.interval(0, n)).dup();

        Logits.LossAndErrors codeFooling = Logits.foolingLoss(trainingForward(codeDiscriminator, codes), n);
        codeErrors.addi(codeDiscriminator.backpropGradient(codeFooling.errors(), LayerWorkspaceMgr.noWorkspaces())
                .getSecond());
        Gradient encoderGradient = encoder.backpropGradient(codeErrors, LayerWorkspaceMgr.noWorkspaces()).getFirst();
        return new EncoderAndGenerator(encoderGradient, generatorGradient, codes, images, reconstruction,
                fooling.loss(), codeFooling.loss());
    }

    private double discriminatorStep(INDArray real, INDArray fakes, int iteration) {
        long n = real.size(0);
        double[] labels = new double[(int) (n + fakes.size(0))];
        Arrays.fill(labels, 0, (int) n, 1.0);
        return discriminate(discriminator, Nd4j.concat(0, real, fakes), labels, n, iteration);
    }

    private double codeDiscriminatorStep(INDArray prior, INDArray codes, int iteration) {
        long n = prior.size(0);
        double[] labels = new double[(int) (n + codes.size(0))];
        Arrays.fill(labels, 0, (int) n, 1.0);
        return discriminate(codeDiscriminator, Nd4j.concat(0, prior, codes), labels, n, iteration);
    }

    private static double discriminate(MultiLayerNetwork network, INDArray inputs, double[] labels, long n,
                                       int iteration) {
        Logits.LossAndErrors loss = Logits.crossEntropy(trainingForward(network, inputs), labels, n);
        Gradients.apply(network, network.backpropGradient(loss.errors(), LayerWorkspaceMgr.noWorkspaces())
                .getFirst(), iteration);
        return loss.loss();
    }

    /** A training-mode forward pass that keeps the layer inputs for the back-propagation that follows. */
    private static INDArray trainingForward(MultiLayerNetwork network, INDArray input) {
        network.setInput(input);
        List<INDArray> activations = network.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    /**
     * @param codes  {@code E(x)}
     * @param images {@code [G(E(x)); G(z)]}
     */
    record EncoderAndGenerator(Gradient encoderGradient, Gradient generatorGradient, INDArray codes, INDArray images,
                               double reconstruction, double generatorAdversarial, double encoderAdversarial) {
    }
}
