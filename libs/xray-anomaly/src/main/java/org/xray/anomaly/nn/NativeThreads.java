package org.xray.anomaly.nn;

import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Native threads per scoring thread. With several scoring threads, each should run its ND4J ops on its share of the
 * cores: ScoringBenchmark measured 2 workers x 1 OpenMP thread 10-22% faster than 2 x 2 on 2 cores, and 1.3-2x
 * faster than 1 worker x 2 threads at batch 1-16 (docs/BENCHMARKS.md).
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /**
     * Sets the OpenMP threads (which oneDNN follows) for ND4J ops called from the current thread only: in ND4J M2.1
     * this is {@code omp_set_num_threads}, whose setting belongs to the calling thread.
     */
    public static void limitCurrentThread(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /** The cores divided among {@code workers} threads, at least one each. */
    public static int perWorker(int workers) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
    }
}
