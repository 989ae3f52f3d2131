package org.xray.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;

/** Test inputs: the shared DICOM fixtures, and PNG/JPEG bytes made with ImageIO. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] dicom(String name) {
        String root = System.getProperty("xray.testdata", "../../testdata");
        try {
            return Files.readAllBytes(Path.of(root, "dicom", name));
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + name + " missing; run testdata/dicom/make-fixtures.sh", e);
        }
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (x * 7 + y * 3) & 0xFF);
            }
        }
        return image;
    }

    static byte[] png(int width, int height) {
        return write(gradient(width, height), "png");
    }

    static byte[] jpeg(int width, int height) {
        return write(gradient(width, height), "jpeg");
    }

    static byte[] progressiveJpeg(int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(gradient(width, height), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A valid PNG chunk (length, type, data, CRC). */
    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        chunk.putInt(data.length).put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** Inserts chunks right after IHDR (signature 8 bytes + IHDR 25 bytes). */
    static byte[] pngWithChunksAfterHeader(byte[] png, byte[]... chunks) {
        return insert(png, 8 + 25, chunks);
    }

    /** A JPEG marker segment with the given payload. */
    static byte[] jpegSegment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
                .put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload).array();
    }

    /** Inserts segments right after SOI. */
    static byte[] jpegWithSegmentsAfterSoi(byte[] jpeg, byte[]... segments) {
        return insert(jpeg, 2, segments);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] insert(byte[] original, int at, byte[]... parts) {
        List<byte[]> all = new ArrayList<>();
        all.add(java.util.Arrays.copyOfRange(original, 0, at));
        all.addAll(List.of(parts));
        all.add(java.util.Arrays.copyOfRange(original, at, original.length));
        return concat(all.toArray(byte[][]::new));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
