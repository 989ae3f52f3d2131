package org.xray.formats;

import org.xray.contracts.RejectionReason;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses a DICOM Part 10 file into {@link DicomFile}, checking every length against the bytes that are really
 * there. Input is untrusted: any inconsistency becomes an {@link InvalidImageException}, never an index error.
 */
final class DicomReader {
    static final int PREAMBLE_LENGTH = 128;
    static final int DATA_START = PREAMBLE_LENGTH + 4;
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    // Deep enough for real objects, shallow enough that hostile nesting cannot exhaust the stack.
    private static final int MAX_DEPTH = 32;

    private final byte[] bytes;
    private int pos;

    private DicomReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** True when the bytes carry the Part 10 "DICM" prefix after the 128-byte preamble. */
    static boolean hasPart10Prefix(byte[] bytes) {
        return bytes.length >= DATA_START
                && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M';
    }

    /**
     * @throws InvalidImageException CORRUPT for structural damage, UNSUPPORTED_TRANSFER_SYNTAX for anything but
     *     implicit or explicit VR little endian
     */
    static DicomFile read(byte[] bytes) {
        if (!hasPart10Prefix(bytes)) {
            throw InvalidImageException.corrupt("DICOM file has no 'DICM' prefix at offset 128; send a DICOM Part 10 file");
        }
        return new DicomReader(bytes).readFile();
    }

    /** Only the file meta group, which is explicit VR little endian whatever the transfer syntax. */
    static DicomDataset readMetaGroup(byte[] bytes) {
        if (!hasPart10Prefix(bytes)) {
            throw InvalidImageException.corrupt("DICOM file has no 'DICM' prefix at offset 128; send a DICOM Part 10 file");
        }
        DicomReader reader = new DicomReader(bytes);
        reader.pos = DATA_START;
        return reader.readMeta();
    }

    private DicomFile readFile() {
        pos = DATA_START;
        DicomDataset meta = readMeta();
        String transferSyntax = meta.string(Tag.TRANSFER_SYNTAX_UID).orElseThrow(() -> InvalidImageException.corrupt(
                "DICOM file meta information has no Transfer Syntax UID (0002,0010); the file header is damaged"));
        if (!TransferSyntaxes.isSupported(transferSyntax)) {
            throw new InvalidImageException(RejectionReason.UNSUPPORTED_TRANSFER_SYNTAX,
                    "DICOM transfer syntax " + TransferSyntaxes.describe(transferSyntax) + " is not supported; send "
                            + "Explicit VR Little Endian (" + TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN + ") or "
                            + "Implicit VR Little Endian (" + TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN + ")");
        }
        boolean explicit = !TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntax);
        DicomDataset dataset = readDataset(bytes.length, explicit, 0, false);
        return new DicomFile(meta, transferSyntax, dataset);
    }

    // The meta group is explicit VR little endian whatever the transfer syntax; it ends where group 0002 ends.
    private DicomDataset readMeta() {
        List<DicomElement> elements = new ArrayList<>();
        while (bytes.length - pos >= 4 && uint16(pos) == 0x0002) {
            elements.add(readElement(bytes.length, true, 0));
        }
        if (elements.isEmpty()) {
            throw InvalidImageException.corrupt("DICOM file has no file meta information (group 0002) at offset "
                    + DATA_START + "; the file header is damaged");
        }
        return new DicomDataset(elements);
    }

    /**
     * Reads elements until {@code limit}, or, inside an undefined-length item, until its Item Delimitation.
     */
    private DicomDataset readDataset(int limit, boolean explicit, int depth, boolean untilItemDelimitation) {
        int start = pos;
        List<DicomElement> elements = new ArrayList<>();
        while (pos < limit) {
            requireHeader(8, limit, "an element header");
            int tag = tag(pos);
            if (tag == Tag.ITEM_DELIMITATION && untilItemDelimitation) {
                pos += 8;
                return new DicomDataset(elements);
            }
            if (tag == Tag.ITEM || tag == Tag.ITEM_DELIMITATION || tag == Tag.SEQUENCE_DELIMITATION) {
                throw InvalidImageException.corrupt("DICOM is corrupt: unexpected " + Tag.format(tag)
                        + " delimiter at offset " + pos + " outside a sequence");
            }
            elements.add(readElement(limit, explicit, depth));
        }
        if (untilItemDelimitation) {
            throw InvalidImageException.corrupt("DICOM is truncated: the sequence item that starts at offset " + start
                    + " has no Item Delimitation (FFFE,E00D) before the end of the data");
        }
        return new DicomDataset(elements);
    }

    private DicomElement readElement(int limit, boolean explicit, int depth) {
        long offset = pos;
        requireHeader(8, limit, "an element header");
        int tag = tag(pos);
        String vr;
        long length;
        int headerLength;
        if (explicit) {
            byte first = bytes[pos + 4];
            byte second = bytes[pos + 5];
            if (!Vr.isWellFormed(first, second)) {
                throw InvalidImageException.corrupt(String.format(
                        "DICOM is corrupt: element %s at offset %d has invalid VR bytes %02X %02X",
                        Tag.format(tag), offset, first & 0xFF, second & 0xFF));
            }
            vr = new String(new byte[] {first, second}, StandardCharsets.US_ASCII);
            if (Vr.hasLongLength(vr)) {
                requireHeader(12, limit, "the header of element " + Tag.format(tag));
                length = uint32(pos + 8);
                headerLength = 12;
            } else {
                length = uint16(pos + 6);
                headerLength = 8;
            }
        } else {
            vr = Vr.implicitVrOf(tag);
            length = uint32(pos + 4);
            headerLength = 8;
        }
        pos += headerLength;
        if (length == UNDEFINED_LENGTH) {
            return readUndefinedLength(tag, vr, explicit, offset, limit, depth);
        }
        int remaining = limit - pos;
        if (length > remaining) {
            throw InvalidImageException.corrupt("DICOM is truncated: element " + Tag.format(tag) + " at offset "
                    + offset + " declares " + length + " bytes but only " + remaining + " remain");
        }
        int end = pos + (int) length;
        if (Vr.SQ.equals(vr)) {
            return DicomElement.ofSequence(tag, readItems(end, explicit, depth + 1), offset);
        }
        if (Vr.UN.equals(vr) && looksLikeSequence(end)) {
            // Implicit VR hides SQ for tags outside our dictionary, and explicit UN may wrap an implicit VR
            // sequence (PS3.5 6.2.2); parse them anyway so de-identification reaches nested identifiers.
            // Fall back to raw bytes if the content is not a sequence after all.
            int valueStart = pos;
            try {
                return DicomElement.ofSequence(tag, readItems(end, false, depth + 1), offset);
            } catch (InvalidImageException notASequence) {
                pos = valueStart;
            }
        }
        byte[] value = Arrays.copyOfRange(bytes, pos, end);
        pos = end;
        return DicomElement.ofValue(tag, vr, value, offset);
    }

    private DicomElement readUndefinedLength(int tag, String vr, boolean explicit, long offset, int limit, int depth) {
        if (tag == Tag.PIXEL_DATA) {
            throw InvalidImageException.corrupt("DICOM is corrupt: Pixel Data (7FE0,0010) at offset " + offset
                    + " is encapsulated (undefined length), which only compressed transfer syntaxes allow");
        }
        if (Vr.SQ.equals(vr) || Vr.UN.equals(vr)) {
            // UN with undefined length holds an implicit VR little endian sequence (PS3.5 6.2.2).
            boolean itemsExplicit = explicit && Vr.SQ.equals(vr);
            return DicomElement.ofSequence(tag, readItems(limit, itemsExplicit, depth + 1, true), offset);
        }
        throw InvalidImageException.corrupt("DICOM is corrupt: element " + Tag.format(tag) + " at offset " + offset
                + " has VR " + vr + " with undefined length, which only sequences may have");
    }

    private List<DicomDataset> readItems(int end, boolean explicit, int depth) {
        return readItems(end, explicit, depth, false);
    }

    /** Items of a sequence: up to {@code limit}, or up to the Sequence Delimitation when the length is undefined. */
    private List<DicomDataset> readItems(int limit, boolean explicit, int depth, boolean untilSequenceDelimitation) {
        if (depth > MAX_DEPTH) {
            throw InvalidImageException.corrupt("DICOM is corrupt: sequences nested deeper than " + MAX_DEPTH
                    + " levels at offset " + pos);
        }
        int start = pos;
        List<DicomDataset> items = new ArrayList<>();
        while (pos < limit) {
            requireHeader(8, limit, "a sequence item header");
            int tag = tag(pos);
            long length = uint32(pos + 4);
            if (tag == Tag.SEQUENCE_DELIMITATION && untilSequenceDelimitation) {
                pos += 8;
                return items;
            }
            if (tag != Tag.ITEM) {
                throw InvalidImageException.corrupt("DICOM is corrupt: expected a sequence item (FFFE,E000) at offset "
                        + pos + " but found " + Tag.format(tag));
            }
            pos += 8;
            if (length == UNDEFINED_LENGTH) {
                items.add(readDataset(limit, explicit, depth, true));
            } else {
                int remaining = limit - pos;
                if (length > remaining) {
                    throw InvalidImageException.corrupt("DICOM is truncated: sequence item at offset " + (pos - 8)
                            + " declares " + length + " bytes but only " + remaining + " remain");
                }
                items.add(readDataset(pos + (int) length, explicit, depth, false));
            }
        }
        if (untilSequenceDelimitation) {
            throw InvalidImageException.corrupt("DICOM is truncated: the sequence that starts at offset " + start
                    + " has no Sequence Delimitation (FFFE,E0DD) before the end of the data");
        }
        return items;
    }

    private boolean looksLikeSequence(int end) {
        return end - pos >= 8 && tag(pos) == Tag.ITEM;
    }

    private void requireHeader(int needed, int limit, String what) {
        int remaining = limit - pos;
        if (remaining < needed) {
            throw InvalidImageException.corrupt("DICOM is truncated: at offset " + pos + " only " + remaining
                    + " bytes remain, too few for " + what);
        }
    }

    private int tag(int at) {
        return uint16(at) << 16 | uint16(at + 2);
    }

    private int uint16(int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private long uint32(int at) {
        return (uint16(at) | (long) uint16(at + 2) << 16) & 0xFFFFFFFFL;
    }
}
