package org.xray.anomaly.fanogan;

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
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.xray.anomaly.nn.ComputeCost;

/**
 * The three f-AnoGAN networks, DCGAN-shaped: stride-2 4x4 convolutions down to 4x4 (critic, encoder) and stride-2
 * 4x4 deconvolutions up from 4x4 (generator), channels doubling per downsampling.
 *
 * <p>The critic has no normalisation (batch norm would couple samples and break the per-sample gradient penalty)
 * and a smooth activation (Swish), which the finite-difference penalty gradient needs: a step across a ReLU kink
 * makes it wrong in single precision (DESIGN.md section 4). The generator has batch norm and a tanh output. The
 * encoder maps an image to z through tanh (izi_f).
 */
public final class FAnoGanNetworks {

    private static final int KERNEL = 4;

    private FAnoGanNetworks() {
    }

    /** Critic D: the Wasserstein output layer with identity activation makes labels per-sample loss weights. */
    public static MultiLayerNetwork critic(FAnoGanConfig config) {
        NeuralNetConfiguration.ListBuilder layers = base(config, 1).list();
        addCriticFeatureLayers(layers, config);
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.WASSERSTEIN).nOut(1)
                .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build());
        return init(layers.setInputType(imageInput(config)).build());
    }

    /**
     * The critic without its output layer: f(x), the features of the izi_f loss and the anomaly score. Its parameters
     * are the critic's first {@link #criticFeatureLayers} layers, copied by the caller.
     */
    public static MultiLayerNetwork criticFeatures(FAnoGanConfig config) {
        NeuralNetConfiguration.ListBuilder layers = base(config, 1).list();
        addCriticFeatureLayers(layers, config);
        return init(layers.setInputType(imageInput(config)).build());
    }

    public static int criticFeatureLayers(FAnoGanConfig config) {
        return config.downsamplings();
    }

    /** Generator G for training: per stage a linear layer, batch norm, ReLU; then a deconvolution with tanh. */
    public static MultiLayerNetwork generator(FAnoGanConfig config) {
        return generator(config, true);
    }

    /**
     * The generator with every batch norm folded into the linear layer before it (see {@link BatchNormFolding}):
     * same function as {@link #generator} in inference mode, and back-propagation through it is exact, which the
     * frozen generator of the encoder phase needs (DL4J back-propagates batch norm with batch statistics only).
     */
    public static MultiLayerNetwork foldedGenerator(FAnoGanConfig config) {
        return generator(config, false);
    }

    /** Layers per hidden generator stage: linear, (batch norm,) ReLU. */
    static int generatorStageLayers(boolean batchNorm) {
        return batchNorm ? 3 : 2;
    }

    /** Encoder E: stride-2 convolutions with LeakyReLU, then a dense layer to z with tanh. */
    public static MultiLayerNetwork encoder(FAnoGanConfig config) {
        NeuralNetConfiguration.ListBuilder layers = base(config, 3).list();
        for (int stage = 0; stage < config.downsamplings(); stage++) {
            layers.layer(downsampling(config.encoderWidth() << stage, new ActivationLReLU(0.2)));
        }
        layers.layer(new DenseLayer.Builder().nOut(config.latentSize()).activation(Activation.TANH)
                .weightInit(WeightInit.XAVIER).build());
        return init(layers.setInputType(imageInput(config)).build());
    }

    private static MultiLayerNetwork generator(FAnoGanConfig config, boolean batchNorm) {
        NeuralNetConfiguration.ListBuilder layers = base(config, 2).list();
        int stages = config.downsamplings();
        int channels = config.generatorWidth() << (stages - 1);
        layers.layer(new DenseLayer.Builder().nOut(channels * 16L).activation(Activation.IDENTITY).build());
        addNormAndRelu(layers, batchNorm);
        int firstDeconvolution = generatorStageLayers(batchNorm);
        layers.inputPreProcessor(firstDeconvolution, new FeedForwardToCnnPreProcessor(4, 4, channels));
        for (int stage = 1; stage < stages; stage++) {
            channels /= 2;
            layers.layer(upsampling(channels, Activation.IDENTITY));
            addNormAndRelu(layers, batchNorm);
        }
        layers.layer(upsampling(1, Activation.TANH));
        return init(layers.setInputType(InputType.feedForward(config.latentSize())).build());
    }

    private static void addCriticFeatureLayers(NeuralNetConfiguration.ListBuilder layers, FAnoGanConfig config) {
        for (int stage = 0; stage < config.downsamplings(); stage++) {
            layers.layer(downsampling(config.criticWidth() << stage, Activation.SWISH.getActivationFunction()));
        }
    }

    private static void addNormAndRelu(NeuralNetConfiguration.ListBuilder layers, boolean batchNorm) {
        if (batchNorm) {
            // Plain variance (not log-std) so that BatchNormFolding can read it.
            layers.layer(new BatchNormalization.Builder().useLogStd(false).build());
        }
        layers.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
    }

    private static ConvolutionLayer downsampling(int channels, org.nd4j.linalg.activations.IActivation activation) {
        return new ConvolutionLayer.Builder(KERNEL, KERNEL).stride(2, 2).padding(1, 1).nOut(channels)
                .activation(activation).build();
    }

    private static Deconvolution2D upsampling(int channels, Activation activation) {
        return new Deconvolution2D.Builder(KERNEL, KERNEL).stride(2, 2).padding(1, 1).nOut(channels)
                .activation(activation).build();
    }

    /**
     * Shared settings: Adam(lr, beta1, beta2); Truncate mode with explicit padding (Same sends deconvolution to slow
     * generic code); workspaces on (DESIGN.md section 7). Each network gets its own seed derived from the config's.
     */
    private static NeuralNetConfiguration.Builder base(FAnoGanConfig config, int network) {
        return new NeuralNetConfiguration.Builder()
                .seed(config.seed() * 31 + network)
                .dataType(config.dataType())
                .updater(new Adam(config.learningRate(), config.beta1(), config.beta2(), 1e-8))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    }

    private static InputType imageInput(FAnoGanConfig config) {
        return InputType.convolutional(config.imageSize(), config.imageSize(), 1);
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    /**
     * FLOPs of one image's score ({@link ComputeCost#forwardFlops}): encoder, folded generator, and the critic's
     * features of the image and of its reconstruction.
     */
    public static double scoringFlops(FAnoGanConfig config) {
        int size = config.imageSize();
        return ComputeCost.forwardFlops(encoder(config), 1, 1, size, size)
                + ComputeCost.forwardFlops(foldedGenerator(config), 1, config.latentSize())
                + 2 * ComputeCost.forwardFlops(criticFeatures(config), 1, 1, size, size);
    }
}
