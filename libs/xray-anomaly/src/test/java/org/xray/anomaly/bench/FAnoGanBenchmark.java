package org.xray.anomaly.bench;

import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanNetworks;
import org.xray.anomaly.gan.GradientPenalty;
import org.xray.anomaly.gan.Sampling;
import org.xray.anomaly.gan.WganGp;

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
        double ceiling = gemmGflops(2048, seconds);
        System.out.printf(Locale.ROOT, "GEMM 2048x2048 FLOAT: %.1f GFLOP/s (ceiling)%n", ceiling);

        FAnoGanConfig config = FAnoGanConfig.published();
        MultiLayerNetwork encoder = FAnoGanNetworks.encoder(config);
        MultiLayerNetwork generator = FAnoGanNetworks.generator(config);
        MultiLayerNetwork critic = FAnoGanNetworks.critic(config);
        double flopsPerImage = forwardFlops(encoder, 1, 1, 64, 64) + forwardFlops(generator, 1, config.latentSize())
                + forwardFlops(critic, 1, 1, 64, 64);
        INDArray images = Nd4j.rand(DataType.FLOAT, 64, 1, 64, 64).muli(2).subi(1);
        Runnable forward = () -> critic.output(generator.output(encoder.output(images, false), false), false);
        double forwardRate = 64 / secondsPer(forward, seconds);
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
        double criticRate = 64 / secondsPer(criticStep, seconds);
        Runnable generatorStep = () -> gan.generatorStep(sampling.latent(step[0]++, 2, 64, config.latentSize()),
                step[0]);
        double generatorSeconds = secondsPer(generatorStep, seconds);
        double iterationSeconds = 5 * 64 / criticRate + generatorSeconds;
        System.out.printf(Locale.ROOT, "WGAN-GP critic step batch 64: %.1f real images/s%n", criticRate);
        System.out.printf(Locale.ROOT, "WGAN-GP iteration (5 critic + 1 generator step): %.2f s = %.1f real images/s"
                + "%n", iterationSeconds, 5 * 64 / iterationSeconds);
    }

    /** The machine's compute ceiling (DESIGN.md section 7): ND4J FLOAT GEMM of two n x n matrices, GFLOP/s. */
    static double gemmGflops(int n, int seconds) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        double perCall = secondsPer(() -> a.mmuli(b, c), seconds);
        return 2.0 * n * n * n / perCall / 1e9;
    }

    /** Mean seconds per call after a warm-up, over about {@code seconds} seconds (at least 3 calls). */
    static double secondsPer(Runnable call, int seconds) {
        long warmUpEnd = System.nanoTime() + seconds * 200_000_000L;
        do {
            call.run();
        } while (System.nanoTime() < warmUpEnd);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int calls = 0;
        do {
            call.run();
            calls++;
        } while (calls < 3 || System.nanoTime() < end);
        return (System.nanoTime() - start) / 1e9 / calls;
    }

    /** Multiply-adds x 2 of the convolution, deconvolution and dense layers for one image. */
    static double forwardFlops(MultiLayerNetwork network, long... inputShape) {
        java.util.List<INDArray> activations = network.feedForward(Nd4j.zeros(DataType.FLOAT, inputShape), false);
        double flops = 0;
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = network.getLayer(i);
            Object conf = layer.conf().getLayer();
            if (layer.numParams() == 0 || !(conf instanceof ConvolutionLayer || conf instanceof DenseLayer
                    || conf instanceof OutputLayer)) {
                continue;
            }
            long weights = layer.getParam("W").length();
            if (conf instanceof Deconvolution2D) {
                // every input pixel meets every weight; the input may still be flat (preprocessor), so use the
                // stride-2 output's size
                INDArray output = activations.get(i + 1);
                flops += 2.0 * weights * (output.size(2) / 2) * (output.size(3) / 2);
            } else if (conf instanceof ConvolutionLayer) {
                INDArray output = activations.get(i + 1);
                flops += 2.0 * weights * output.size(2) * output.size(3);
            } else {
                flops += 2.0 * weights;
            }
        }
        return flops;
    }
}
