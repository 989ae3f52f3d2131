package org.xray.anomaly.nn;

import java.time.Duration;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What benchmarks report throughput against (DESIGN.md section 7): the machine's compute ceiling, and the arithmetic
 * a network does per image.
 */
public final class ComputeCost {

    private ComputeCost() {
    }

    /**
     * The machine's compute ceiling: GFLOP/s of ND4J FLOAT GEMM {@code C = A B} of two n x n matrices, measured for
     * {@code measure} after a warm-up of a fifth of that.
     */
    public static double gemmGflops(int n, Duration measure) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        return 2.0 * n * n * n / secondsPer(() -> a.mmuli(b, c), measure) / 1e9;
    }

    /** Mean seconds per call after a warm-up of a fifth of {@code measure}, over about {@code measure} (3 calls or more). */
    public static double secondsPer(Runnable call, Duration measure) {
        long warmUpEnd = System.nanoTime() + measure.toNanos() / 5;
        do {
            call.run();
        } while (System.nanoTime() < warmUpEnd);
        long start = System.nanoTime();
        long end = start + measure.toNanos();
        int calls = 0;
        do {
            call.run();
            calls++;
        } while (calls < 3 || System.nanoTime() < end);
        return (System.nanoTime() - start) / 1e9 / calls;
    }

    /** Multiply-adds x 2 of the convolution, deconvolution and dense layers for one input of the given shape. */
    public static double forwardFlops(MultiLayerNetwork network, long... inputShape) {
        List<INDArray> activations = network.feedForward(Nd4j.zeros(DataType.FLOAT, inputShape), false);
        double flops = 0;
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = network.getLayer(i);
            Object conf = layer.conf().getLayer();
            if (layer.numParams() == 0 || !(conf instanceof ConvolutionLayer || conf instanceof DenseLayer
                    || conf instanceof OutputLayer)) {
                continue;
            }
            long weights = layer.getParam("W").length();
            INDArray output = activations.get(i + 1);
            if (conf instanceof Deconvolution2D) {
                // every input pixel meets every weight; the input may still be flat (preprocessor), so use the
                // stride-2 output's size
                flops += 2.0 * weights * (output.size(2) / 2) * (output.size(3) / 2);
            } else if (conf instanceof ConvolutionLayer) {
                flops += 2.0 * weights * output.size(2) * output.size(3);
            } else {
                flops += 2.0 * weights;
            }
        }
        return flops;
    }
}
