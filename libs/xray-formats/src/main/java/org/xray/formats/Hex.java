package org.xray.formats;

/** Hex dumps of a few bytes, for error messages about unexpected content. */
final class Hex {
    private Hex() {
    }

    /** Up to {@code count} bytes from {@code from}, as "89 50 4E 47". */
    static String of(byte[] bytes, int from, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + count); i++) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return s.toString();
    }
}
