package org.xray.anomaly.alphagan;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The four alpha-GAN networks, DCGAN-shaped: stride-2 4x4 convolutions down to 4x4 (encoder, image discriminator)
 * and stride-2 4x4 deconvolutions up from 4x4 (generator), channels doubling per downsampling.
 *
 * <p>None has a DL4J output layer: each ends in a plain layer, and training back-propagates loss gradients computed
 * outside the network ({@code backpropGradient} with external errors), which lets one forward pass serve several loss
 * terms. For the same reason both discriminators output a logit and the sigmoid is applied by the caller: the binary
 * cross-entropy is then computed on logits (stable at saturation) and its gradient per logit is simply
 * {@code sigmoid(a) - label}.
 *
 * <p>The encoder's code has no tanh: the code discriminator pulls E(x) towards z ~ N(0, I), whose values are not
 * bounded, and a tanh-bounded code could never match it (f-AnoGAN's encoder uses tanh because it has no such
 * prior). The generator has batch norm and a tanh output; the discriminators have no normalisation.
 */
public final class AlphaGanNetworks {

    private static final int KERNEL = 4;
    private static final double LEAKY_SLOPE = 0.2;
    private static final int CODE_DISCRIMINATOR_HIDDEN_LAYERS = 2;

    private AlphaGanNetworks() {
    }

    /** Encoder E: stride-2 convolutions with LeakyReLU, then a linear layer to the code. */
    public static MultiLayerNetwork encoder(AlphaGanConfig config) {
        NeuralNetConfiguration.ListBuilder layers = base(config, 1, config.generatorLearningRate()).list();
        addDownsamplings(layers, config, config.encoderWidth());
        layers.layer(linear(config.latentSize()));
        return init(layers.setInputType(imageInput(config)).build());
    }

    /** Generator G: a linear layer to 4x4, then per stage batch norm, ReLU and a deconvolution; tanh output. */
    public static MultiLayerNetwork generator(AlphaGanConfig config) {
        NeuralNetConfiguration.ListBuilder layers = base(config, 2, config.generatorLearningRate()).list();
        int stages = config.downsamplings();
        int channels = config.generatorWidth() << (stages - 1);
        layers.layer(new DenseLayer.Builder().nOut(channels * 16L).activation(Activation.IDENTITY).build());
        addNormAndRelu(layers);
        layers.inputPreProcessor(3, new FeedForwardToCnnPreProcessor(4, 4, channels));
        for (int stage = 1; stage < stages; stage++) {
            channels /= 2;
            layers.layer(upsampling(channels, Activation.IDENTITY));
            addNormAndRelu(layers);
        }
        layers.layer(upsampling(1, Activation.TANH));
        return init(layers.setInputType(InputType.feedForward(config.latentSize())).build());
    }

    /** Image discriminator D: stride-2 convolutions with LeakyReLU, then one logit. */
    public static MultiLayerNetwork discriminator(AlphaGanConfig config) {
        NeuralNetConfiguration.ListBuilder layers = base(config, 3, config.discriminatorLearningRate()).list();
        addDownsamplings(layers, config, config.discriminatorWidth());
        layers.layer(linear(1));
        return init(layers.setInputType(imageInput(config)).build());
    }

    /** Code discriminator C: an MLP with LeakyReLU hidden layers, then one logit. */
    public static MultiLayerNetwork codeDiscriminator(AlphaGanConfig config) {
        NeuralNetConfiguration.ListBuilder layers = base(config, 4, config.discriminatorLearningRate()).list();
        for (int i = 0; i < CODE_DISCRIMINATOR_HIDDEN_LAYERS; i++) {
            layers.layer(new DenseLayer.Builder().nOut(config.codeDiscriminatorWidth())
                    .activation(new ActivationLReLU(LEAKY_SLOPE)).build());
        }
        layers.layer(linear(1));
        return init(layers.setInputType(InputType.feedForward(config.latentSize())).build());
    }

    private static void addDownsamplings(NeuralNetConfiguration.ListBuilder layers, AlphaGanConfig config,
                                         int width) {
        for (int stage = 0; stage < config.downsamplings(); stage++) {
            layers.layer(new ConvolutionLayer.Builder(KERNEL, KERNEL).stride(2, 2).padding(1, 1)
                    .nOut((long) width << stage).activation(new ActivationLReLU(LEAKY_SLOPE)).build());
        }
    }

    private static void addNormAndRelu(NeuralNetConfiguration.ListBuilder layers) {
        layers.layer(new BatchNormalization.Builder().build());
        layers.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
    }

    private static Deconvolution2D upsampling(int channels, Activation activation) {
        return new Deconvolution2D.Builder(KERNEL, KERNEL).stride(2, 2).padding(1, 1).nOut(channels)
                .activation(activation).build();
    }

    private static DenseLayer linear(int units) {
        return new DenseLayer.Builder().nOut(units).activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER)
                .build();
    }

    /**
     * Shared settings: Adam with the network's learning rate; Truncate mode with explicit padding (Same sends
     * deconvolution to slow generic code); workspaces on (DESIGN.md section 7). Each network gets its own seed.
     */
    private static NeuralNetConfiguration.Builder base(AlphaGanConfig config, int network, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(config.seed() * 31 + network)
                .dataType(config.dataType())
                .updater(new Adam(learningRate, config.beta1(), config.beta2(), 1e-8))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    }

    private static InputType imageInput(AlphaGanConfig config) {
        return InputType.convolutional(config.imageSize(), config.imageSize(), 1);
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
