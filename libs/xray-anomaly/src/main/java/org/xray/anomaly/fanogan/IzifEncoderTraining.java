package org.xray.anomaly.fanogan;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.xray.anomaly.nn.Gradients;

/**
 * Trains the encoder E with G and D frozen (f-AnoGAN's izi_f): loss {@code MSE(x, G(E(x))) + kappa MSE(f(x),
 * f(G(E(x))))}. The loss gradient is back-propagated by hand through f and G (external errors) into E; only E's
 * parameters change. Not thread-safe.
 */
public final class IzifEncoderTraining {

    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork foldedGenerator;
    private final MultiLayerNetwork features;
    private final double kappa;

    /**
     * @param foldedGenerator the generator with batch norm folded in ({@link FAnoGanNetworks#foldedGenerator}), so that
     *                        back-propagation through the frozen generator is exact
     * @param features        the critic's feature layers ({@link FAnoGanNetworks#criticFeatures})
     */
    public IzifEncoderTraining(MultiLayerNetwork encoder, MultiLayerNetwork foldedGenerator,
                               MultiLayerNetwork features, double kappa) {
        this.encoder = encoder;
        this.foldedGenerator = foldedGenerator;
        this.features = features;
        this.kappa = kappa;
    }

    public EncoderStep step(INDArray images, int iteration) {
        LossAndGradient result = lossAndGradient(images);
        Gradients.apply(encoder, result.gradient(), iteration);
        return result.loss();
    }

    /** The encoder's parameter gradient of the izi_f loss, flattened (a copy); nothing is updated. */
    INDArray gradient(INDArray images) {
        return lossAndGradient(images).gradient().gradient().dup();
    }

    private LossAndGradient lossAndGradient(INDArray images) {
        INDArray imageFeatures = features.output(images, false);
        INDArray latent = lastActivation(encoder, images);
        INDArray reconstructions = lastActivation(foldedGenerator, latent);
        INDArray reconstructionFeatures = lastActivation(features, reconstructions);
        Reconstruction terms = new Reconstruction(images, reconstructions, imageFeatures, reconstructionFeatures);

        INDArray pixelResiduals = terms.pixelResiduals();
        INDArray featureResiduals = terms.featureResiduals();
        double imageLoss = Reconstruction.meanSquares(pixelResiduals).meanNumber().doubleValue();
        double featureLoss = Reconstruction.meanSquares(featureResiduals).meanNumber().doubleValue();

        // d loss / d f(x') and d loss / d x' (mean over all elements: 2 r / count)
        INDArray featureError = featureResiduals.mul(2.0 * kappa / featureResiduals.length())
                .reshape('c', reconstructionFeatures.shape());
        INDArray reconstructionError = features.backpropGradient(featureError, LayerWorkspaceMgr.noWorkspaces())
                .getSecond().dup();
        reconstructionError.addi(pixelResiduals.mul(2.0 / pixelResiduals.length())
                .reshape('c', reconstructions.shape()));
        INDArray latentError = foldedGenerator.backpropGradient(reconstructionError, LayerWorkspaceMgr.noWorkspaces())
                .getSecond().dup();
        Gradient gradient = encoder.backpropGradient(latentError, LayerWorkspaceMgr.noWorkspaces()).getFirst();
        return new LossAndGradient(new EncoderStep(imageLoss, featureLoss, imageLoss + kappa * featureLoss), gradient);
    }

    private record LossAndGradient(EncoderStep loss, Gradient gradient) {
    }

    /** A training-mode forward pass that keeps the layer inputs for the back-propagation that follows. */
    private static INDArray lastActivation(MultiLayerNetwork network, INDArray input) {
        network.setInput(input);
        List<INDArray> activations = network.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }
}
