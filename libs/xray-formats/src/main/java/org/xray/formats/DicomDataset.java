package org.xray.formats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** An ordered list of elements (a whole dataset, the file meta group, or one sequence item). */
record DicomDataset(List<DicomElement> elements) {
    DicomDataset {
        elements = List.copyOf(elements);
    }

    Optional<DicomElement> find(int tag) {
        return elements.stream().filter(e -> e.tag() == tag).findFirst();
    }

    /**
     * A string value without its padding; empty when the element is absent or blank. Bytes are read as
     * ISO-8859-1 so that any byte maps to one char (the values we read are ASCII in practice).
     */
    Optional<String> string(int tag) {
        return find(tag)
                .map(e -> new String(e.value(), StandardCharsets.ISO_8859_1))
                .map(DicomDataset::stripPadding)
                .filter(s -> !s.isEmpty());
    }

    /** First value of a US element, when present and at least 2 bytes long. */
    OptionalInt uint16(int tag) {
        Optional<DicomElement> element = find(tag);
        if (element.isEmpty() || element.get().value().length < 2) {
            return OptionalInt.empty();
        }
        byte[] v = element.get().value();
        return OptionalInt.of((v[0] & 0xFF) | (v[1] & 0xFF) << 8);
    }

    private static String stripPadding(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == 0)) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(start, end);
    }
}
