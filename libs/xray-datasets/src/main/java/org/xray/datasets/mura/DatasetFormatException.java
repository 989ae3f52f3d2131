package org.xray.datasets.mura;

import java.nio.file.Path;

/** A MURA directory that is incomplete or malformed; the message names the file and, where there is one, the line. */
public class DatasetFormatException extends RuntimeException {

    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file:line: problem}, the form compilers use, so editors and terminals can jump to it. */
    static DatasetFormatException at(Path file, int line, String problem) {
        return new DatasetFormatException(file + ":" + line + ": " + problem);
    }
}
