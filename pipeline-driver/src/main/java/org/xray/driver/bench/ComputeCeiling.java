package org.xray.driver.bench;

import java.time.Duration;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The machine's compute ceiling as DESIGN.md section 7 defines it: ND4J single-precision GEMM, 2048 x 2048. */
final class ComputeCeiling {

    private static final int N = 2048;

    private ComputeCeiling() {
    }

    /** GFLOP/s of {@code C = A B}, after a warm-up of a fifth of {@code measure}. */
    static double sgemmGflops(Duration measure) {
        INDArray a = Nd4j.rand(DataType.FLOAT, N, N);
        INDArray b = Nd4j.rand(DataType.FLOAT, N, N);
        INDArray c = Nd4j.create(DataType.FLOAT, N, N);
        long warmUpEnd = System.nanoTime() + measure.toNanos() / 5;
        do {
            a.mmuli(b, c);
        } while (System.nanoTime() < warmUpEnd);
        long start = System.nanoTime();
        long end = start + measure.toNanos();
        int calls = 0;
        do {
            a.mmuli(b, c);
            calls++;
        } while (calls < 3 || System.nanoTime() < end);
        double secondsPerCall = (System.nanoTime() - start) / 1e9 / calls;
        return 2.0 * N * N * N / secondsPerCall / 1e9;
    }
}
