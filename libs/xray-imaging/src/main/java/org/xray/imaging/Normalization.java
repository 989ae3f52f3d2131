package org.xray.imaging;

/**
 * Pixel scaling for the GAN models, which work in [-1, 1] (tanh generator output). The 8-bit image is what travels
 * between services; the scaling happens only where a model consumes or produces pixels.
 */
public final class Normalization {

    private Normalization() {
    }

    /** Level 0 becomes -1 and level 255 becomes 1, linearly ({@code x / 127.5 - 1}); row-major like the image. */
    public static float[] toUnitRange(GrayImage image) {
        byte[] pixels = image.pixels();
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xFF) / 127.5f - 1f;
        }
        return values;
    }

    /**
     * The inverse of {@link #toUnitRange}, for images a model produced (reconstructions, samples): values outside
     * [-1, 1] are clamped and levels rounded.
     */
    public static GrayImage fromUnitRange(float[] values, int width, int height) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            double level = Math.round((values[i] + 1.0) * 127.5);
            pixels[i] = (byte) Math.max(0, Math.min(255, level));
        }
        return new GrayImage(width, height, pixels);
    }
}
