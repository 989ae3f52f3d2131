package org.xray.datasets.synthetic;

import java.util.Random;

/** Derives independent, reproducible random streams from one seed (SplitMix64 mixing). */
final class Seeds {

    private Seeds() {
    }

    /** Mixes the values into one well-spread 64-bit seed; order matters. */
    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h = splitMix(h ^ splitMix(v + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** A stream for one concern (pose, exposure, ...) so that drawing an anomaly leaves all other streams unchanged. */
    static Random stream(long seed, int concern) {
        return new Random(mix(seed, concern));
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
