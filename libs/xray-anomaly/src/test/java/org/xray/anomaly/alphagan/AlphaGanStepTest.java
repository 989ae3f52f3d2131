package org.xray.anomaly.alphagan;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.xray.anomaly.gan.Sampling;
import org.xray.anomaly.nn.ImageTensors;
import org.xray.anomaly.nn.NumericalGradients;

class AlphaGanStepTest {

    private static final AlphaGanConfig CONFIG = new AlphaGanConfig(16, 4, 2, 2, 2, 6, 3, 1, 1e-3, 5e-5, 0.5, 0.999,
            3.0, 0.05, -0.9, 1, 11L, DataType.DOUBLE);
    private static final double STEP = 1e-6;
    private static final int CHECKED_PARAMETERS = 12;

    private final MultiLayerNetwork encoder = AlphaGanNetworks.encoder(CONFIG);
    private final MultiLayerNetwork generator = AlphaGanNetworks.generator(CONFIG);
    private final MultiLayerNetwork discriminator = AlphaGanNetworks.discriminator(CONFIG);
    private final MultiLayerNetwork codeDiscriminator = AlphaGanNetworks.codeDiscriminator(CONFIG);
    private final AlphaGanStep step = new AlphaGanStep(encoder, generator, discriminator, codeDiscriminator,
            CONFIG.reconstructionWeight());
    private final INDArray real = Nd4j.rand(DataType.DOUBLE, 3, 1, 16, 16).muli(2).subi(1);
    private final INDArray prior = new Sampling(5, DataType.DOUBLE).latent(0, 0, 3, CONFIG.latentSize());

    @Test
    void encoderGradientMatchesNumericalGradientOfTheJointLoss() {
        INDArray analytic = step.encoderAndGenerator(real, prior).encoderGradient().gradient().dup();

        assertMatchesNumerical(encoder, analytic);
    }

    @Test
    void generatorGradientMatchesNumericalGradientOfTheJointLoss() {
        INDArray analytic = step.encoderAndGenerator(real, prior).generatorGradient().gradient().dup();

        assertMatchesNumerical(generator, analytic);
    }

    @Test
    void stepReportsFiniteLossesAndChangesAllFourNetworks() {
        INDArray[] before = {encoder.params().dup(), generator.params().dup(), discriminator.params().dup(),
                codeDiscriminator.params().dup()};

        AlphaGanLosses losses = step.step(real, prior, 0);

        assertThat(losses.allFinite()).isTrue();
        assertThat(losses.discriminator()).isPositive();
        assertThat(losses.codeDiscriminator()).isPositive();
        MultiLayerNetwork[] networks = {encoder, generator, discriminator, codeDiscriminator};
        for (int i = 0; i < networks.length; i++) {
            assertThat(networks[i].params().equalsWithEps(before[i], 1e-12)).as("network %d changed", i).isFalse();
        }
    }

    /** Central differences on the parameters with the largest analytic gradients. */
    private void assertMatchesNumerical(MultiLayerNetwork network, INDArray analytic) {
        INDArray params = network.params();
        long[] largest = Nd4j.sortWithIndices(Transforms.abs(analytic, true).dup(), 0, false)[0]
                .get(NDArrayIndex.interval(0, CHECKED_PARAMETERS)).toLongVector();
        for (long index : largest) {
            double numerical = NumericalGradients.centralDifference(params, index, this::jointLoss, STEP);
            assertThat(analytic.getDouble(index)).as("parameter %d", index)
                    .isCloseTo(numerical, org.assertj.core.data.Offset.offset(1e-6 * Math.abs(numerical) + 1e-9));
        }
    }

    /**
     * {@code lambda mean|G(E(x)) - x| + sum BCE(D([G(E(x)); G(z)]), 1) / n + sum BCE(C(E(x)), 1) / n}, training mode
     * throughout.
     */
    private double jointLoss() {
        long n = real.size(0);
        INDArray codes = encoder.output(real, true);
        INDArray images = generator.output(Nd4j.concat(0, codes, prior), true);
        INDArray residuals = ImageTensors.rows(images.get(NDArrayIndex.interval(0, n))).sub(ImageTensors.rows(real));
        double reconstruction = Transforms.abs(residuals, true).meanNumber().doubleValue();
        return CONFIG.reconstructionWeight() * reconstruction
                + foolingLoss(discriminator.output(images, true)) / n
                + foolingLoss(codeDiscriminator.output(codes, true)) / n;
    }

    private static double foolingLoss(INDArray logits) {
        double sum = 0;
        for (double logit : logits.toDoubleVector()) {
            sum += Math.log1p(Math.exp(-logit));
        }
        return sum;
    }
}
