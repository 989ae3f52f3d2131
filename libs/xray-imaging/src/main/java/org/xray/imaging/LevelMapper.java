package org.xray.imaging;

import java.nio.ShortBuffer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * Turns integer samples wider than 8 bits (DICOM stored values, 16-bit PNG levels) into 8-bit levels. Samples span
 * at most 17 bits, so one lookup table per image makes the per-pixel cost an array read.
 */
final class LevelMapper {

    /** Percentiles that decide a stretch when the sender gave no window; see {@link #stretchRange}. */
    static final double LOW_PERCENTILE = 0.5;
    static final double HIGH_PERCENTILE = 99.5;
    /** The level of a flat image: exactly mid-grey, so that it reads 128 whether or not it is inverted. */
    static final double FLAT_LEVEL = 127.5;

    /**
     * Integer samples read where they lie, without a widening copy: a DICOM image's stored values, or the unsigned
     * 16-bit levels of a decoded PNG still in native memory (a 40-megapixel image would need 160 MB as an int[]).
     */
    interface Samples {
        int size();

        int get(int index);

        static Samples of(int[] values) {
            return new Samples() {
                @Override
                public int size() {
                    return values.length;
                }

                @Override
                public int get(int index) {
                    return values[index];
                }
            };
        }

        static Samples unsigned16(ShortBuffer levels) {
            return new Samples() {
                @Override
                public int size() {
                    return levels.limit();
                }

                @Override
                public int get(int index) {
                    return levels.get(index) & 0xFFFF;
                }
            };
        }
    }

    /** The smallest and largest sample, found in one pass and shared by the range and the mapping. */
    record Extent(int min, int max) {

        static Extent of(Samples samples) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0, n = samples.size(); i < n; i++) {
                int sample = samples.get(i);
                min = Math.min(min, sample);
                max = Math.max(max, sample);
            }
            if (min > max) {
                throw new IllegalArgumentException("no samples");
            }
            return new Extent(min, max);
        }

        int span() {
            return max - min + 1;
        }
    }

    /** How a stretch range was chosen. */
    enum RangeKind {
        /** Between the {@link #LOW_PERCENTILE} and {@link #HIGH_PERCENTILE} ranks: the usual case. */
        PERCENTILE,
        /** Over 99% of the samples share one value, so the percentiles coincide: minimum to maximum instead. */
        MIN_MAX,
        /** Every sample has the same value: there is nothing to stretch, the image becomes mid-grey. */
        FLAT
    }

    /** A stretch range in sample units; {@code low == high} only when {@code kind} is {@link RangeKind#FLAT}. */
    record Range(int low, int high, RangeKind kind) {
    }

    private LevelMapper() {
    }

    /**
     * @param levelOf the display level 0..255 of a sample value (rounded and clamped here)
     * @return one byte per sample
     */
    static byte[] map(Samples samples, Extent extent, IntToDoubleFunction levelOf) {
        byte[] lut = new byte[extent.span()];
        for (int value = extent.min(); value <= extent.max(); value++) {
            long level = Math.round(levelOf.applyAsDouble(value));
            lut[value - extent.min()] = (byte) Math.max(0, Math.min(255, level));
        }
        int min = extent.min();
        byte[] levels = new byte[samples.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = lut[samples.get(i) - min];
        }
        return levels;
    }

    /**
     * The range to stretch when the sender gave no window: the sample values at the {@link #LOW_PERCENTILE} and
     * {@link #HIGH_PERCENTILE} ranks. Stretching between them, rather than between minimum and maximum, keeps a
     * handful of dead or saturated detector pixels and burned-in markers from squeezing the anatomy into a few levels,
     * while clipping only 1% of the pixels. When one value holds more than 99% of the pixels the two ranks meet, and a
     * stretch between them would make the image black and white: minimum and maximum are used then, and an image
     * of one value is {@link RangeKind#FLAT}.
     */
    static Range stretchRange(Samples samples, Extent extent) {
        if (extent.min() == extent.max()) {
            return new Range(extent.min(), extent.max(), RangeKind.FLAT);
        }
        long[] histogram = new long[extent.span()];
        for (int i = 0, n = samples.size(); i < n; i++) {
            histogram[samples.get(i) - extent.min()]++;
        }
        long lowRank = (long) Math.floor(LOW_PERCENTILE / 100 * (samples.size() - 1));
        long highRank = (long) Math.ceil(HIGH_PERCENTILE / 100 * (samples.size() - 1));
        int low = valueAtRank(histogram, extent.min(), lowRank);
        int high = valueAtRank(histogram, extent.min(), highRank);
        return low < high ? new Range(low, high, RangeKind.PERCENTILE)
                : new Range(extent.min(), extent.max(), RangeKind.MIN_MAX);
    }

    /** Linear map of {@code [low, high]} to 0..255; an empty range ({@code low >= high}) gives mid-grey. */
    static DoubleUnaryOperator stretch(double low, double high) {
        if (high <= low) {
            return value -> FLAT_LEVEL;
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
