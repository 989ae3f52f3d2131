package org.xray.formats;

import java.util.ArrayList;
import java.util.List;
import org.xray.contracts.RejectionReason;

/**
 * Walks and validates the marker structure of a JPEG from SOI to EOI: every segment length is checked, a
 * frame header (SOFn) must precede the first scan, entropy-coded data is skipped marker-aware (so progressive
 * files with several scans work), and the data must end with EOI, optionally followed by zero padding.
 * JPEG that the pipeline's decoder cannot read (sample precision other than 8 bits, lossless or hierarchical) is
 * refused as {@code UNRECOGNIZED_FORMAT} with that reason, rather than failing later as if the file were damaged.
 */
final class JpegWalker {
    static final int SOS = 0xDA;
    static final int EOI = 0xD9;
    static final int COM = 0xFE;
    static final int APP0 = 0xE0;
    static final int APP14 = 0xEE;

    /** One marker segment; {@code range} covers any fill bytes, the marker, and its payload. */
    record Segment(int marker, ByteRange range) {
        boolean isApp() {
            return marker >= APP0 && marker <= 0xEF;
        }
    }

    /**
     * The walked file: frame size, sample precision in bits (8 for almost every JPEG; 12 or 16 only in extended
     * and lossless files) and the marker segments (not the entropy-coded data between them).
     */
    record Structure(int width, int height, int precision, List<Segment> segments) {
    }

    private final byte[] bytes;
    private final List<Segment> segments = new ArrayList<>();
    private int width = -1;
    private int height = -1;
    private int precision = -1;

    private JpegWalker(byte[] bytes) {
        this.bytes = bytes;
    }

    static boolean hasSoi(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
    }

    static Structure walk(byte[] bytes) {
        return new JpegWalker(bytes).walk();
    }

    private Structure walk() {
        int pos = 2;
        boolean sawScan = false;
        while (true) {
            int segmentStart = pos;
            if (pos >= bytes.length || (bytes[pos] & 0xFF) != 0xFF) {
                throw pos >= bytes.length ? truncatedWithoutEoi(pos) : InvalidImageException.corrupt(
                        "JPEG is corrupt: expected a marker (FF xx) at offset " + pos + " but found "
                                + Hex.of(bytes, pos, 2));
            }
            while (pos + 1 < bytes.length && (bytes[pos + 1] & 0xFF) == 0xFF) {
                pos++; // fill bytes before a marker
            }
            if (pos + 1 >= bytes.length) {
                throw truncatedWithoutEoi(pos);
            }
            int marker = bytes[pos + 1] & 0xFF;
            if (marker == EOI) {
                if (!sawScan) {
                    throw InvalidImageException.corrupt("JPEG is corrupt: EOI at offset " + pos
                            + " comes before any scan (SOS); the file holds no image data");
                }
                requireOnlyPaddingAfter(pos + 2);
                return new Structure(width, height, precision, List.copyOf(segments));
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2; // TEM and RSTn stand alone, without a length
                continue;
            }
            if (marker == 0x00 || marker == 0xD8) {
                throw InvalidImageException.corrupt("JPEG is corrupt: unexpected marker " + markerName(marker)
                        + " at offset " + pos);
            }
            if (bytes.length - pos < 4) {
                throw truncatedWithoutEoi(pos);
            }
            int length = uint16(pos + 2);
            int available = bytes.length - pos - 2;
            if (length < 2) {
                throw InvalidImageException.corrupt("JPEG is corrupt: segment " + markerName(marker) + " at offset "
                        + pos + " declares an impossible length " + length);
            }
            if (length > available) {
                throw InvalidImageException.corrupt("JPEG is truncated: segment " + markerName(marker) + " at offset "
                        + pos + " declares " + length + " bytes but only " + available + " remain");
            }
            int end = pos + 2 + length;
            if (isStartOfFrame(marker)) {
                readFrameHeader(marker, pos, length);
            }
            segments.add(new Segment(marker, new ByteRange(segmentStart, end)));
            if (marker == SOS) {
                if (width < 0) {
                    throw InvalidImageException.corrupt("JPEG is corrupt: scan (SOS) at offset " + pos
                            + " comes before any frame header (SOFn), so the image size is unknown");
                }
                sawScan = true;
                pos = skipEntropyCodedData(end);
            } else {
                pos = end;
            }
        }
    }

    private void readFrameHeader(int marker, int pos, int length) {
        if (length < 8) {
            throw InvalidImageException.corrupt("JPEG is corrupt: frame header " + markerName(marker) + " at offset "
                    + pos + " is only " + length + " bytes long");
        }
        int framePrecision = bytes[pos + 4] & 0xFF;
        // The decoder behind the pipeline (OpenCV's libjpeg) reads 8-bit sequential and progressive JPEG only.
        // Refusing here, with the reason, beats a decoding failure later that looks like a damaged file.
        if (framePrecision != 8) {
            throw new InvalidImageException(RejectionReason.UNRECOGNIZED_FORMAT, "JPEG with " + framePrecision
                    + "-bit samples (frame header " + markerName(marker) + " at offset " + pos + ") is not "
                    + "supported: only 8-bit JPEG is decoded; send the image as a 16-bit PNG or as DICOM");
        }
        if (isLosslessOrDifferential(marker)) {
            throw new InvalidImageException(RejectionReason.UNRECOGNIZED_FORMAT, "Lossless or hierarchical JPEG "
                    + "(frame header " + markerName(marker) + " at offset " + pos + ") is not supported: only "
                    + "baseline, extended and progressive 8-bit JPEG is decoded; send the image as a 16-bit PNG "
                    + "or as DICOM");
        }
        if (width >= 0) {
            return; // several frames: the first one gives the size
        }
        precision = framePrecision;
        height = uint16(pos + 5);
        width = uint16(pos + 7);
        if (width == 0 || height == 0) {
            throw InvalidImageException.corrupt("JPEG frame header at offset " + pos + " declares size " + width + "x"
                    + height + "; images whose height is only given later (DNL) are not supported");
        }
    }

    // SOF3/SOF11 lossless, SOF5-7/SOF13-15 differential (hierarchical): libjpeg decodes none of them.
    private static boolean isLosslessOrDifferential(int marker) {
        int process = marker - 0xC0;
        return process == 3 || process == 11 || (process >= 5 && process <= 7) || process >= 13;
    }

    /** Returns the offset of the next real marker after entropy-coded data (stuffed FF 00 and RSTn are data). */
    private int skipEntropyCodedData(int pos) {
        while (pos < bytes.length) {
            if ((bytes[pos] & 0xFF) == 0xFF && pos + 1 < bytes.length) {
                int next = bytes[pos + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    pos += 2;
                    continue;
                }
                if (next != 0xFF) {
                    return pos;
                }
            }
            pos++;
        }
        return pos;
    }

    private void requireOnlyPaddingAfter(int pos) {
        for (int i = pos; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                throw InvalidImageException.corrupt("JPEG is corrupt: " + (bytes.length - pos)
                        + " unexpected bytes follow the EOI marker that ends at offset " + pos);
            }
        }
    }

    private InvalidImageException truncatedWithoutEoi(int pos) {
        return InvalidImageException.corrupt("JPEG is truncated: the data ends at offset " + pos
                + " without an EOI (FF D9) marker; the file was probably cut off, send the complete file");
    }

    private static boolean isStartOfFrame(int marker) {
        // C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frame headers.
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    static String markerName(int marker) {
        String name;
        if (isStartOfFrame(marker)) {
            name = "SOF" + (marker - 0xC0);
        } else if (marker >= APP0 && marker <= 0xEF) {
            name = "APP" + (marker - APP0);
        } else {
            name = switch (marker) {
                case 0xC4 -> "DHT";
                case 0xD8 -> "SOI";
                case 0xDA -> "SOS";
                case 0xDB -> "DQT";
                case 0xDD -> "DRI";
                case 0xFE -> "COM";
                default -> "marker";
            };
        }
        return String.format("%s (FF %02X)", name, marker);
    }

    private int uint16(int at) {
        return (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF);
    }
}
