package org.xray.anomaly.scoring;

import org.xray.formats.GrayscalePng;

/** The images of an {@link AnomalyScore}, as 8-bit grayscale PNGs for score events and the web app. */
public final class ScoreImages {

    private ScoreImages() {
    }

    /**
     * The residual heat map: pixel value {@code min(|residual|, 1) * 255}. A residual of 1 is half the [-1, 1] pixel
     * range, already a gross error, so brighter values carry no more meaning.
     *
     * @throws IllegalArgumentException when the map does not hold {@code size * size} values
     */
    public static byte[] heatMapPng(float[] residualMap, int size) {
        return png(residualMap, size, "heat map", residual -> Math.min(Math.abs(residual), 1f));
    }

    /**
     * The reconstruction {@code G(E(x))}, from the model's [-1, 1] range back to 0..255.
     *
     * @throws IllegalArgumentException when it does not hold {@code size * size} values
     */
    public static byte[] reconstructionPng(float[] reconstruction, int size) {
        return png(reconstruction, size, "reconstruction", value -> (Math.max(-1f, Math.min(value, 1f)) + 1f) / 2f);
    }

    private interface UnitScale {
        float toUnit(float value);
    }

    private static byte[] png(float[] values, int size, String what, UnitScale scale) {
        if (values.length != size * size) {
            throw new IllegalArgumentException("a " + size + "x" + size + " " + what + " needs " + size * size
                    + " values, got " + values.length);
        }
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.round(scale.toUnit(values[i]) * 255f);
        }
        return GrayscalePng.encode(pixels, size, size);
    }
}
