package org.xray.anomaly.bench;

import java.time.Duration;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanNetworks;
import org.xray.anomaly.gan.GradientPenalty;
import org.xray.anomaly.gan.Sampling;
import org.xray.anomaly.gan.WganGp;
import org.xray.anomaly.nn.ComputeCost;

/**
 * Model throughput on this machine (DESIGN.md section 7): the ND4J single-precision GEMM ceiling, then DCGAN-size
 * (published config) E+G+D forward at 64x64, batch 64, and WGAN-GP training iterations. See docs/BENCHMARKS.md for
 * the command and the JVM flags it needs.
 */
public final class FAnoGanBenchmark {

    private FAnoGanBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double ceiling = ComputeCost.gemmGflops(2048, Duration.ofSeconds(seconds));
        System.out.printf(Locale.ROOT, "GEMM 2048x2048 FLOAT: %.1f GFLOP/s (ceiling)%n", ceiling);

        FAnoGanConfig config = FAnoGanConfig.published();
        MultiLayerNetwork encoder = FAnoGanNetworks.encoder(config);
        MultiLayerNetwork generator = FAnoGanNetworks.generator(config);
        MultiLayerNetwork critic = FAnoGanNetworks.critic(config);
        double flopsPerImage = ComputeCost.forwardFlops(encoder, 1, 1, 64, 64)
                + ComputeCost.forwardFlops(generator, 1, config.latentSize())
                + ComputeCost.forwardFlops(critic, 1, 1, 64, 64);
        INDArray images = Nd4j.rand(DataType.FLOAT, 64, 1, 64, 64).muli(2).subi(1);
        Runnable forward = () -> critic.output(generator.output(encoder.output(images, false), false), false);
        double forwardRate = 64 / ComputeCost.secondsPer(forward, Duration.ofSeconds(seconds));
        System.out.printf(Locale.ROOT, "E+G+D forward 64x64 batch 64: %.1f images/s, %.2f GFLOP/image, "
                        + "%.1f GFLOP/s = %.0f%% of ceiling%n", forwardRate, flopsPerImage / 1e9,
                forwardRate * flopsPerImage / 1e9, 100 * forwardRate * flopsPerImage / 1e9 / ceiling);

        WganGp gan = new WganGp(generator, critic, new GradientPenalty(config.gradientPenaltyWeight()));
        Sampling sampling = new Sampling(1, DataType.FLOAT);
        int[] step = {0};
        Runnable criticStep = () -> {
            gan.criticStep(images, sampling.latent(step[0], 0, 64, config.latentSize()),
                    sampling.uniform(step[0], 1, 64), step[0]);
            step[0]++;
        };
        double criticRate = 64 / ComputeCost.secondsPer(criticStep, Duration.ofSeconds(seconds));
        Runnable generatorStep = () -> gan.generatorStep(sampling.latent(step[0]++, 2, 64, config.latentSize()),
                step[0]);
        double generatorSeconds = ComputeCost.secondsPer(generatorStep, Duration.ofSeconds(seconds));
        double iterationSeconds = 5 * 64 / criticRate + generatorSeconds;
        System.out.printf(Locale.ROOT, "WGAN-GP critic step batch 64: %.1f real images/s%n", criticRate);
        System.out.printf(Locale.ROOT, "WGAN-GP iteration (5 critic + 1 generator step): %.2f s = %.1f real images/s"
                + "%n", iterationSeconds, 5 * 64 / iterationSeconds);
    }
}
