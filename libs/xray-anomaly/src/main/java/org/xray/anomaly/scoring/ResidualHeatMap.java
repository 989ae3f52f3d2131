package org.xray.anomaly.scoring;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * An {@link AnomalyScore#residualMap()} as an 8-bit grayscale PNG: pixel value {@code min(|residual|, 1) * 255}. A
 * residual of 1 is half the [-1, 1] pixel range, already a gross error, so brighter values carry no more meaning.
 */
public final class ResidualHeatMap {

    private ResidualHeatMap() {
    }

    /** @throws IllegalArgumentException when the map does not hold {@code size * size} values */
    public static byte[] png(float[] residualMap, int size) {
        if (residualMap.length != size * size) {
            throw new IllegalArgumentException("a " + size + "x" + size + " heat map needs " + size * size
                    + " values, got " + residualMap.length);
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.round(Math.min(Math.abs(residualMap[i]), 1f) * 255f);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(size * size / 2 + 128);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding of the heat map failed", e);
        }
        return png.toByteArray();
    }
}
