package org.xray.anomaly.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanNetworks;
import org.xray.anomaly.nn.NumericalGradients;

class GradientPenaltyTest {

    private static final FAnoGanConfig SMALL_CRITIC = FAnoGanConfig.small().withImageSize(8).withWidths(3, 2, 2)
            .withBatchSize(4).withDataType(DataType.DOUBLE);
    private static final double LAMBDA = 10.0;

    @Test
    void parameterGradientMatchesNumericalGradientOfThePenaltyInDoublePrecision() {
        MultiLayerNetwork critic = FAnoGanNetworks.critic(SMALL_CRITIC);
        INDArray interpolates = interpolates(SMALL_CRITIC, 7);

        double relativeError = NumericalGradients.relativeError(penaltyGradient(critic, interpolates),
                numericalGradient(critic, interpolates));

        System.out.printf("penalty gradient (DOUBLE, %d parameters): relative L2 error %.3e%n",
                critic.numParams(), relativeError);
        assertThat(relativeError).isLessThan(1e-2);
    }

    @Test
    void parameterGradientStaysAccurateInSinglePrecision() {
        MultiLayerNetwork critic = FAnoGanNetworks.critic(SMALL_CRITIC);
        MultiLayerNetwork floatCritic = FAnoGanNetworks.critic(SMALL_CRITIC.withDataType(DataType.FLOAT));
        floatCritic.params().assign(critic.params().castTo(DataType.FLOAT));
        INDArray interpolates = interpolates(SMALL_CRITIC, 11);

        double relativeError = NumericalGradients.relativeError(
                penaltyGradient(floatCritic, interpolates.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE),
                numericalGradient(critic, interpolates));

        System.out.printf("penalty gradient (FLOAT, %d parameters): relative L2 error %.3e%n",
                critic.numParams(), relativeError);
        assertThat(relativeError).isLessThan(1e-3);
    }

    @Test
    void penaltyIsLambdaTimesMeanSquaredDistanceOfGradientNormsFromOne() {
        MultiLayerNetwork critic = FAnoGanNetworks.critic(SMALL_CRITIC);
        INDArray interpolates = interpolates(SMALL_CRITIC, 3);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, interpolates.size(0), 1);
        INDArray gradients = critic.calculateGradients(interpolates, ones, null, null).getSecond().dup();
        double expected = 0;
        for (int i = 0; i < interpolates.size(0); i++) {
            double norm = gradients.slice(i).norm2Number().doubleValue();
            expected += (norm - 1) * (norm - 1);
        }
        expected *= LAMBDA / interpolates.size(0);

        assertThat(new GradientPenalty(LAMBDA).terms(critic, interpolates).penalty()).isCloseTo(expected, within(1e-9));
    }

    private static INDArray penaltyGradient(MultiLayerNetwork critic, INDArray interpolates) {
        PenaltyTerms terms = new GradientPenalty(LAMBDA).terms(critic, interpolates);
        return critic.calculateGradients(terms.inputs(), terms.labels(), null, null).getFirst().gradient().dup()
                .reshape(-1);
    }

    /** Central differences of the penalty's value, parameter by parameter (DOUBLE). */
    private static INDArray numericalGradient(MultiLayerNetwork critic, INDArray interpolates) {
        GradientPenalty penalty = new GradientPenalty(LAMBDA);
        return NumericalGradients.centralDifferences(critic.params(),
                () -> penalty.terms(critic, interpolates).penalty(), 1e-6);
    }

    private static INDArray interpolates(FAnoGanConfig config, long seed) {
        Nd4j.getRandom().setSeed(seed);
        long[] shape = {config.batchSize(), 1, config.imageSize(), config.imageSize()};
        INDArray real = Nd4j.rand(DataType.DOUBLE, shape).muli(2).subi(1);
        INDArray fake = Nd4j.rand(DataType.DOUBLE, shape).muli(2).subi(1);
        return GradientPenalty.interpolate(real, fake, Nd4j.rand(DataType.DOUBLE, config.batchSize(), 1));
    }
}
