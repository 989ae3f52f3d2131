package org.xray.anomaly.fanogan;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.xray.anomaly.nn.NumericalGradients;

/** The frozen generator and critic features that the encoder phase back-propagates through. */
class FrozenNetworksTest {

    private static final FAnoGanConfig TINY = FAnoGanConfig.small().withImageSize(8).withWidths(3, 4, 2)
            .withBatchSize(4).withDataType(DataType.DOUBLE);

    @Test
    void foldedGeneratorComputesWhatTheBatchNormGeneratorComputesInInference() {
        MultiLayerNetwork generator = FAnoGanNetworks.generator(TINY.withImageSize(16));
        Nd4j.getRandom().setSeed(5);
        // Move the batch-norm statistics and affine parameters away from their identity defaults.
        generator.params().addi(Nd4j.rand(DataType.DOUBLE, generator.params().shape()).muli(0.5));
        INDArray z = Nd4j.randn(DataType.DOUBLE, 6, TINY.latentSize());

        INDArray folded = FAnoGanModel.foldedGenerator(TINY.withImageSize(16), generator).output(z, false);

        assertThat(folded.equalsWithEps(generator.output(z, false), 1e-9)).isTrue();
    }

    @Test
    void criticFeaturesAreTheCriticsActivationsBeforeItsOutputLayer() {
        MultiLayerNetwork critic = FAnoGanNetworks.critic(TINY);
        INDArray images = Nd4j.rand(DataType.DOUBLE, 3, 1, 8, 8);

        INDArray features = FAnoGanModel.criticFeatures(TINY, critic).output(images, false);

        INDArray expected = critic.feedForwardToLayer(FAnoGanNetworks.criticFeatureLayers(TINY) - 1, images, false)
                .get(FAnoGanNetworks.criticFeatureLayers(TINY));
        assertThat(features.equalsWithEps(expected, 1e-12)).isTrue();
    }

    @Test
    void encoderGradientMatchesNumericalGradientOfTheIzifLoss() {
        Nd4j.getRandom().setSeed(9);
        MultiLayerNetwork generator = FAnoGanNetworks.generator(TINY);
        generator.params().addi(Nd4j.rand(DataType.DOUBLE, generator.params().shape()).muli(0.3));
        MultiLayerNetwork folded = FAnoGanModel.foldedGenerator(TINY, generator);
        MultiLayerNetwork features = FAnoGanModel.criticFeatures(TINY, FAnoGanNetworks.critic(TINY));
        MultiLayerNetwork encoder = FAnoGanNetworks.encoder(TINY);
        IzifEncoderTraining training = new IzifEncoderTraining(encoder, folded, features, TINY.kappa());
        INDArray images = Nd4j.rand(DataType.DOUBLE, 4, 1, 8, 8).muli(2).subi(1);

        INDArray analytic = training.gradient(images).reshape(-1);
        INDArray numeric = numericalGradient(encoder, folded, features, images);

        double relativeError = NumericalGradients.relativeError(analytic, numeric);
        assertThat(relativeError).isLessThan(1e-5);
    }

    private static INDArray numericalGradient(MultiLayerNetwork encoder, MultiLayerNetwork generator,
                                              MultiLayerNetwork features, INDArray images) {
        return NumericalGradients.centralDifferences(encoder.params(),
                () -> loss(encoder, generator, features, images), 1e-6);
    }

    private static double loss(MultiLayerNetwork encoder, MultiLayerNetwork generator, MultiLayerNetwork features,
                               INDArray images) {
        Reconstruction reconstruction = Reconstruction.of(images, encoder, generator, features);
        return Reconstruction.meanSquares(reconstruction.pixelResiduals()).meanNumber().doubleValue()
                + TINY.kappa() * Reconstruction.meanSquares(reconstruction.featureResiduals()).meanNumber().doubleValue();
    }
}
