package org.xray.imaging;

import java.util.Arrays;

/**
 * An 8-bit grayscale image, row-major, top-left first: the pure-Java currency between modules, so that services
 * and the trainer never hold native OpenCV memory.
 *
 * <p>The array is not copied (images are large and pass through several steps): whoever builds a {@code GrayImage}
 * hands the array over and nobody modifies it afterwards, which keeps instances effectively immutable and safe to
 * share between threads. {@link #equals} and {@link #hashCode} compare pixels, not array identity.
 *
 * @param pixels {@code width * height} bytes, each an unsigned level 0..255
 */
public record GrayImage(int width, int height, byte[] pixels) {

    public GrayImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if (pixels == null || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + (long) width * height
                    + " pixel bytes, got " + (pixels == null ? "none" : pixels.length));
        }
    }

    /** The level 0..255 at column {@code x}, row {@code y}. */
    public int level(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GrayImage image && width == image.width && height == image.height
                && Arrays.equals(pixels, image.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + "]";
    }
}
