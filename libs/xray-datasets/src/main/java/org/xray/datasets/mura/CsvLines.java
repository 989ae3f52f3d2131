package org.xray.datasets.mura;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The non-blank lines of a header-less MURA CSV, each with its 1-based line number for error messages. */
final class CsvLines {

    record Line(Path file, int number, String text) {
        DatasetFormatException error(String problem) {
            return DatasetFormatException.at(file, number, problem);
        }
    }

    private CsvLines() {
    }

    static List<Line> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException("missing MURA CSV file: " + file);
        }
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetFormatException("cannot read MURA CSV file " + file + ": " + e.getMessage(), e);
        }
        List<Line> lines = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark left by spreadsheet tools
            }
            text = text.strip(); // also drops the \r of CRLF files
            if (!text.isEmpty()) {
                lines.add(new Line(file, i + 1, text));
            }
        }
        return lines;
    }
}
