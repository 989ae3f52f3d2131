package org.xray.formats;

import java.util.Locale;

/** Why an upload was refused; {@link #code()} is stable and goes into DLQ headers and HTTP problem bodies. */
public enum RejectionReason {
    EMPTY,
    UNRECOGNIZED_FORMAT,
    CORRUPT,
    UNSUPPORTED_TRANSFER_SYNTAX,
    NOT_AN_IMAGE;

    /** Lower-kebab form of the name, e.g. {@code unsupported-transfer-syntax}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
