package org.xray.formats;

import org.xray.contracts.RejectionReason;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.xray.contracts.ImageFormat;

/** Identifies the container format from the bytes alone; file names and declared content types are not trusted. */
final class FormatSniffer {
    static final String ACCEPTED = "PNG, JPEG or DICOM Part 10 (128-byte preamble followed by 'DICM')";

    private FormatSniffer() {
    }

    static Optional<ImageFormat> sniff(byte[] bytes) {
        // DICOM first: its 128-byte preamble may legally hold another format's header (PS3.10 7.1).
        if (DicomReader.hasPart10Prefix(bytes)) {
            return Optional.of(ImageFormat.DICOM);
        }
        if (PngWalker.hasSignature(bytes)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (JpegWalker.hasSoi(bytes)) {
            return Optional.of(ImageFormat.JPEG);
        }
        return Optional.empty();
    }

    /** The rejection for bytes that {@link #sniff} did not recognise: what was found, and what is accepted. */
    static InvalidImageException unrecognized(byte[] bytes) {
        String guess = guess(bytes).map(g -> " (looks like " + g + ")").orElse("");
        return new InvalidImageException(RejectionReason.UNRECOGNIZED_FORMAT,
                "Unrecognized image format: the data (" + bytes.length + " bytes) starts with "
                        + Hex.of(bytes, 0, 16) + guess + "; accepted formats are " + ACCEPTED);
    }

    // Hints for formats people commonly send by mistake, so the sender knows what to convert.
    private static Optional<String> guess(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 12), StandardCharsets.ISO_8859_1);
        if (head.startsWith("GIF8")) {
            return Optional.of("GIF");
        }
        if (head.startsWith("II*\0") || head.startsWith("MM\0*")) {
            return Optional.of("TIFF");
        }
        if (head.startsWith("BM")) {
            return Optional.of("BMP");
        }
        if (head.startsWith("%PDF")) {
            return Optional.of("PDF");
        }
        if (head.startsWith("RIFF") && head.length() >= 12 && head.substring(8, 12).equals("WEBP")) {
            return Optional.of("WebP");
        }
        if (bytes.length >= 8 && (bytes[0] == 0x08 || bytes[0] == 0x02) && bytes[1] == 0 && bytes[3] == 0) {
            return Optional.of("a DICOM dataset without the Part 10 preamble and 'DICM' prefix");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return Optional.of("a JPEG cut off after its first two bytes");
        }
        return Optional.empty();
    }
}
