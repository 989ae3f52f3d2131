package org.xray.formats;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** A half-open span {@code [start, end)} of the input; used to cut segments or chunks out of a file. */
record ByteRange(int start, int end) {
    /** Copies {@code bytes} without the given ranges, which must be sorted and disjoint. */
    static byte[] without(byte[] bytes, List<ByteRange> dropped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int from = 0;
        for (ByteRange range : dropped) {
            out.write(bytes, from, range.start() - from);
            from = range.end();
        }
        out.write(bytes, from, bytes.length - from);
        return out.toByteArray();
    }
}
