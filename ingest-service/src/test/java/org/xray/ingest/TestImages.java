package org.xray.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

/** Image payloads for tests: PNG and JPEG drawn here, DICOM files made by dcmtk under testdata/dicom. */
public final class TestImages {

    public static final String FIXTURE_ROOT = "1.2.826.0.1.3680043.10.1234";
    public static final String CR_STUDY_UID = FIXTURE_ROOT + ".1.1";
    public static final String CR_SOP_UID = FIXTURE_ROOT + ".1.3";
    public static final String DX_STUDY_UID = FIXTURE_ROOT + ".2.1";
    public static final String DX_SOP_UID = FIXTURE_ROOT + ".2.3";

    private static final Random RANDOM = new Random();

    private TestImages() {
    }

    public static byte[] png(int seed) {
        return encode(gradient(seed), "png");
    }

    public static byte[] jpeg(int seed) {
        return encode(gradient(seed), "jpg");
    }

    public static byte[] truncated(byte[] image) {
        return Arrays.copyOf(image, image.length / 2);
    }

    public static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A dcmtk-made fixture, see testdata/dicom/README.md. */
    public static byte[] dicom(String name) {
        Path path = Path.of(System.getProperty("xray.testdata", "../testdata"), "dicom", name);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("missing DICOM fixture " + path.toAbsolutePath()
                    + "; regenerate with testdata/dicom/make-fixtures.sh", e);
        }
    }

    /**
     * A fixture whose SOP Instance UID (ending {@code ...1234.<suffix>}) gets a fresh, same-length value, so tests
     * sharing one running service do not see each other's instances as re-sent duplicates.
     */
    public static DicomCopy uniqueDicom(String name, String sopInstanceUid) {
        byte[] bytes = dicom(name);
        String fresh = sopInstanceUid.replace(".1234.", "." + (1000 + RANDOM.nextInt(9000)) + ".");
        byte[] from = sopInstanceUid.getBytes(StandardCharsets.US_ASCII);
        byte[] to = fresh.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= bytes.length - from.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
            }
        }
        return new DicomCopy(bytes, fresh);
    }

    public record DicomCopy(byte[] bytes, String sopInstanceUid) {
    }

    private static BufferedImage gradient(int seed) {
        BufferedImage image = new BufferedImage(48, 40, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int value = (x * 5 + y * 3 + seed * 17) & 0xFF;
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
