package org.xray.formats;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Produces the bytes ingest may publish: the same image with patient identity removed. Only metadata
 * changes; image data is copied unchanged.
 */
public final class Deidentifier {
    // PNG chunks needed to decode and display the image; all others (text, EXIF, time, vendor chunks, any chunk
    // invented later) may carry identity and are dropped.
    private static final Set<String> PNG_KEPT = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD");
    private static final int MAX_PSEUDONYM_LENGTH = 64; // LO and PN component limit

    private Deidentifier() {
    }

    /**
     * @param bytes the upload, already accepted by {@link ImageInspector#inspect(byte[])}
     * @param image the result of that inspection (selects the format)
     * @param patientPseudonym printable ASCII, 1 to 64 characters, no backslash; written as PatientID and
     *     PatientName in DICOM output
     * @throws InvalidImageException if the bytes do not have the structure {@code image} says
     * @throws IllegalArgumentException if the pseudonym cannot be stored in a DICOM LO/PN element
     */
    public static byte[] deidentify(byte[] bytes, InspectedImage image, String patientPseudonym) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(image, "image");
        requireValidPseudonym(patientPseudonym);
        return switch (image.format()) {
            case PNG -> stripPng(bytes);
            case JPEG -> stripJpeg(bytes);
            case DICOM -> DicomWriter.write(DicomDeidentifier.deidentify(DicomReader.read(bytes), patientPseudonym));
        };
    }

    private static byte[] stripPng(byte[] bytes) {
        List<ByteRange> dropped = PngWalker.walk(bytes).chunks().stream()
                .filter(c -> !PNG_KEPT.contains(c.type()))
                .map(PngWalker.Chunk::range)
                .toList();
        return ByteRange.without(bytes, dropped);
    }

    // APP1 (EXIF, XMP), APP13 (IPTC) and the other APPn and COM segments can hold names; APP0 (JFIF) and
    // APP14 (Adobe colour transform) are needed to decode the image correctly.
    private static byte[] stripJpeg(byte[] bytes) {
        List<ByteRange> dropped = JpegWalker.walk(bytes).segments().stream()
                .filter(s -> s.marker() == JpegWalker.COM
                        || (s.isApp() && s.marker() != JpegWalker.APP0 && s.marker() != JpegWalker.APP14))
                .map(JpegWalker.Segment::range)
                .toList();
        return ByteRange.without(bytes, dropped);
    }

    private static void requireValidPseudonym(String pseudonym) {
        Objects.requireNonNull(pseudonym, "patientPseudonym");
        if (pseudonym.isBlank() || pseudonym.length() > MAX_PSEUDONYM_LENGTH
                || !pseudonym.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '\\')) {
            throw new IllegalArgumentException("patient pseudonym must be 1 to " + MAX_PSEUDONYM_LENGTH
                    + " printable ASCII characters without a backslash");
        }
    }
}
