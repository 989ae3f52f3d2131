package org.xray.formats;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** 8-bit grayscale pixels as a PNG: the form in which events and the web app carry small images. */
public final class GrayscalePng {

    private GrayscalePng() {
    }

    /**
     * @param pixels row-major, {@code width * height} bytes, 0 black to 255 white
     * @throws IllegalArgumentException when the pixel count does not match the size
     */
    public static byte[] encode(byte[] pixels, int width, int height) {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " grayscale image needs "
                    + (long) width * height + " pixels, got " + pixels.length);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, raster, 0, pixels.length);
        ByteArrayOutputStream png = new ByteArrayOutputStream(pixels.length / 2 + 128);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding of a " + width + "x" + height + " image failed", e);
        }
        return png.toByteArray();
    }
}
