package org.xray.formats;

import java.util.List;

/**
 * One data element: a value, or (when {@code vr} is SQ) a list of items. {@code offset} is where its header
 * started in the input, for error messages; elements created by this library use -1.
 */
record DicomElement(int tag, String vr, byte[] value, List<DicomDataset> items, long offset) {
    static DicomElement ofValue(int tag, String vr, byte[] value, long offset) {
        return new DicomElement(tag, vr, value, List.of(), offset);
    }

    static DicomElement ofSequence(int tag, List<DicomDataset> items, long offset) {
        return new DicomElement(tag, Vr.SQ, new byte[0], List.copyOf(items), offset);
    }

    boolean isSequence() {
        return Vr.SQ.equals(vr);
    }

    DicomElement withValue(byte[] newValue) {
        return new DicomElement(tag, vr, newValue, items, offset);
    }

    DicomElement withItems(List<DicomDataset> newItems) {
        return new DicomElement(tag, vr, value, List.copyOf(newItems), offset);
    }
}
