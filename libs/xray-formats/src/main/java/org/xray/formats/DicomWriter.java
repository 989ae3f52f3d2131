package org.xray.formats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link DicomFile} as Part 10: zero preamble, "DICM", a freshly measured file meta group, then the
 * dataset in its transfer syntax. Elements go out in ascending tag order, values padded to even length,
 * sequences and items with undefined length (so no nested lengths need computing).
 */
final class DicomWriter {
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    // Meta elements that are recomputed (group length) or may carry arbitrary private payloads.
    private static final Set<Integer> META_DROPPED =
            Set.of(Tag.FILE_META_GROUP_LENGTH, Tag.PRIVATE_INFORMATION_CREATOR_UID, Tag.PRIVATE_INFORMATION);
    private static final Comparator<DicomElement> BY_TAG = (a, b) -> Integer.compareUnsigned(a.tag(), b.tag());

    private final ByteArrayOutputStream out;
    private final boolean explicit;

    private DicomWriter(ByteArrayOutputStream out, boolean explicit) {
        this.out = out;
        this.explicit = explicit;
    }

    static byte[] write(DicomFile file) {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        // A zero preamble: the original one is free-form and may carry anything, identifiers included.
        result.writeBytes(new byte[DicomReader.PREAMBLE_LENGTH]);
        result.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));

        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        new DicomWriter(meta, true).writeElements(
                file.meta().elements().stream().filter(e -> !META_DROPPED.contains(e.tag())).toList());
        DicomWriter metaHeader = new DicomWriter(result, true);
        metaHeader.writeElement(DicomElement.ofValue(Tag.FILE_META_GROUP_LENGTH, "UL", uint32(meta.size()), -1));
        result.writeBytes(meta.toByteArray());

        new DicomWriter(result, file.explicitVr()).writeElements(file.dataset().elements());
        return result.toByteArray();
    }

    private void writeElements(List<DicomElement> elements) {
        elements.stream()
                // Group lengths outside the meta group are retired and would be wrong after edits.
                .filter(e -> !Tag.isGroupLength(e.tag()))
                .sorted(BY_TAG)
                .forEach(this::writeElement);
    }

    private void writeElement(DicomElement element) {
        if (element.isSequence()) {
            writeHeader(element.tag(), Vr.SQ, UNDEFINED_LENGTH);
            for (DicomDataset item : element.items()) {
                writeTagAndLength(Tag.ITEM, UNDEFINED_LENGTH);
                writeElements(item.elements());
                writeTagAndLength(Tag.ITEM_DELIMITATION, 0);
            }
            writeTagAndLength(Tag.SEQUENCE_DELIMITATION, 0);
            return;
        }
        byte[] value = padded(element.value(), element.vr());
        writeHeader(element.tag(), element.vr(), value.length);
        out.writeBytes(value);
    }

    private void writeHeader(int tag, String vr, long length) {
        if (!explicit) {
            writeTagAndLength(tag, length);
            return;
        }
        writeUint16(tag >>> 16);
        writeUint16(tag & 0xFFFF);
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (Vr.hasLongLength(vr)) {
            writeUint16(0);
            out.writeBytes(uint32(length));
        } else {
            writeUint16((int) length);
        }
    }

    private void writeTagAndLength(int tag, long length) {
        writeUint16(tag >>> 16);
        writeUint16(tag & 0xFFFF);
        out.writeBytes(uint32(length));
    }

    /** Even length is mandatory; a short-length VR already at 65535 bytes cannot grow, so it is left as read. */
    private byte[] padded(byte[] value, String vr) {
        if (value.length % 2 == 0 || (explicit && !Vr.hasLongLength(vr) && value.length >= 0xFFFF)) {
            return value;
        }
        byte[] result = java.util.Arrays.copyOf(value, value.length + 1);
        result[value.length] = Vr.paddingByte(vr);
        return result;
    }

    private void writeUint16(int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static byte[] uint32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
