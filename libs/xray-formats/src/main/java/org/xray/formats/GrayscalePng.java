package org.xray.formats;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * 8-bit grayscale pixels as a PNG: the form in which events and the web app carry small images. Written here rather
 * than with {@code javax.imageio}, so that ingest-service's native executable needs no AWT.
 */
public final class GrayscalePng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int BIT_DEPTH = 8;
    private static final int COLOUR_TYPE_GRAY = 0;
    private static final int FILTER_NONE = 0;

    private GrayscalePng() {
    }

    /**
     * @param pixels row-major, {@code width * height} bytes, 0 black to 255 white
     * @throws IllegalArgumentException when the pixel count does not match the size
     */
    public static byte[] encode(byte[] pixels, int width, int height) {
        if (width < 1 || height < 1 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " grayscale image needs "
                    + (long) width * height + " pixels, got " + pixels.length);
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream(pixels.length / 2 + 128);
            png.write(SIGNATURE);
            chunk(png, "IHDR", header(width, height));
            chunk(png, "IDAT", compressedRows(pixels, width, height));
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
    }

    private static byte[] header(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(13);
        DataOutputStream header = new DataOutputStream(bytes);
        header.writeInt(width);
        header.writeInt(height);
        header.writeByte(BIT_DEPTH);
        header.writeByte(COLOUR_TYPE_GRAY);
        header.writeByte(0); // compression: deflate
        header.writeByte(0); // filter method: adaptive
        header.writeByte(0); // no interlace
        return bytes.toByteArray();
    }

    private static byte[] compressedRows(byte[] pixels, int width, int height) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(pixels.length / 2 + 64);
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed)) {
            for (int y = 0; y < height; y++) {
                zlib.write(FILTER_NONE);
                zlib.write(pixels, y * width, width);
            }
        }
        return compressed.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
