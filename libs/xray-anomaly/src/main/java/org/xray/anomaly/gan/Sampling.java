package org.xray.anomaly.gan;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Latent codes and interpolation factors drawn from a generator seeded by (seed, step, stream), so that a run is
 * reproducible and a resumed run draws what the interrupted one would have.
 */
public final class Sampling {

    private final long seed;
    private final DataType dataType;

    public Sampling(long seed, DataType dataType) {
        this.seed = seed;
        this.dataType = dataType;
    }

    /** z ~ N(0, I), {@code [n, size]}. */
    public INDArray latent(long step, int stream, int n, int size) {
        SplittableRandom random = random(step, stream);
        double[] values = new double[n * size];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {n, size}, 'c').castTo(dataType);
    }

    /** alpha ~ U(0, 1) per sample, {@code [n, 1]}. */
    public INDArray uniform(long step, int stream, int n) {
        SplittableRandom random = random(step, stream);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble();
        }
        return Nd4j.create(values, new long[] {n, 1}, 'c').castTo(dataType);
    }

    private SplittableRandom random(long step, int stream) {
        // SplittableRandom's seed mixing spreads nearby seeds; the odd multipliers keep (step, stream) pairs apart.
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + stream);
    }
}
