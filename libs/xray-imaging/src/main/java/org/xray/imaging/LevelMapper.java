package org.xray.imaging;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * Turns integer samples wider than 8 bits (DICOM stored values, 16-bit PNG levels) into 8-bit levels. Samples span
 * at most 17 bits, so one lookup table per image makes the per-pixel cost an array read.
 */
final class LevelMapper {

    /** Percentiles that decide a stretch when the sender gave no window; see {@link #percentiles}. */
    static final double LOW_PERCENTILE = 0.5;
    static final double HIGH_PERCENTILE = 99.5;

    private LevelMapper() {
    }

    /**
     * @param levelOf the display level 0..255 of a sample value (rounded and clamped here)
     * @return one byte per sample
     */
    static byte[] map(int[] samples, IntToDoubleFunction levelOf) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int sample : samples) {
            min = Math.min(min, sample);
            max = Math.max(max, sample);
        }
        byte[] lut = new byte[max - min + 1];
        for (int value = min; value <= max; value++) {
            long level = Math.round(levelOf.applyAsDouble(value));
            lut[value - min] = (byte) Math.max(0, Math.min(255, level));
        }
        byte[] levels = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            levels[i] = lut[samples[i] - min];
        }
        return levels;
    }

    /**
     * The sample values at the {@link #LOW_PERCENTILE} and {@link #HIGH_PERCENTILE} ranks. Stretching between them,
     * rather than between minimum and maximum, keeps a handful of dead or saturated detector pixels and burned-in
     * markers from squeezing the anatomy into a few levels, while clipping only 1% of the pixels.
     *
     * @return {@code {low, high}}, with {@code low <= high}
     */
    static int[] percentiles(int[] samples) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int sample : samples) {
            min = Math.min(min, sample);
            max = Math.max(max, sample);
        }
        long[] histogram = new long[max - min + 1];
        for (int sample : samples) {
            histogram[sample - min]++;
        }
        long lowRank = (long) Math.floor(LOW_PERCENTILE / 100 * (samples.length - 1));
        long highRank = (long) Math.ceil(HIGH_PERCENTILE / 100 * (samples.length - 1));
        return new int[] {valueAtRank(histogram, min, lowRank), valueAtRank(histogram, min, highRank)};
    }

    /** Linear map of {@code [low, high]} to 0..255; a flat image ({@code low == high}) becomes black. */
    static DoubleUnaryOperator stretch(double low, double high) {
        if (high <= low) {
            return value -> value > low ? 255 : 0;
        }
        return value -> (value - low) / (high - low) * 255;
    }

    private static int valueAtRank(long[] histogram, int min, long rank) {
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen > rank) {
                return min + i;
            }
        }
        return min + histogram.length - 1;
    }
}
