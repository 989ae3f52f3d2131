package org.xray.datasets.synthetic;

import java.util.Random;

/**
 * Collimator shutters: bands along some image edges that are uniformly bright (unexposed film) or dark, as on
 * many MURA radiographs. Widths are fractions of the image size, zero for no band.
 */
record Collimation(double top, double bottom, double left, double right, float level) {

    /** No shutter bands. */
    static final Collimation NONE = new Collimation(0, 0, 0, 0, 0);

    static Collimation random(Random rnd) {
        double[] widths = new double[4];
        if (rnd.nextDouble() < 0.5) {
            for (int i = 0; i < 4; i++) {
                widths[i] = rnd.nextDouble() < 0.55 ? Rnd.uniform(rnd, 0.03, 0.14) : 0;
            }
        }
        float level = rnd.nextDouble() < 0.6 ? (float) Rnd.uniform(rnd, 0.72, 1.0) : (float) Rnd.uniform(rnd, 0.0, 0.08);
        return new Collimation(widths[0], widths[1], widths[2], widths[3], level);
    }

    /** Replaces the banded pixels with the band level, blending over one pixel for a soft shutter edge. */
    void apply(float[] values, int size) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double weight = bandWeight(x, y, size);
                if (weight > 0) {
                    int i = y * size + x;
                    values[i] = (float) (values[i] * (1 - weight) + level * weight);
                }
            }
        }
    }

    /** Whether the shutter hides pixel {@code (x, y)} more than half. */
    boolean hides(int x, int y, int size) {
        return bandWeight(x, y, size) > 0.5;
    }

    private double bandWeight(int x, int y, int size) {
        double inside = Math.min(Math.min(x + 0.5 - left * size, size - x - 0.5 - right * size),
                Math.min(y + 0.5 - top * size, size - y - 0.5 - bottom * size));
        return Math.max(0, Math.min(1, 0.5 - inside));
    }
}
