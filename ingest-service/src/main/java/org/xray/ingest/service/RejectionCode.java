package org.xray.ingest.service;

import org.xray.formats.RejectionReason;

/** Why ingest refused an image: the stable code in problem JSON, DLQ headers and metrics, and its HTTP status. */
public enum RejectionCode {
    EMPTY("empty", 400),
    OVERSIZE("oversize", 413),
    UNRECOGNIZED_FORMAT("unrecognized-format", 415),
    CORRUPT("corrupt", 422),
    UNSUPPORTED_TRANSFER_SYNTAX("unsupported-transfer-syntax", 415),
    NOT_AN_IMAGE("not-an-image", 422),
    UNSUPPORTED_MODALITY("unsupported-modality", 422),
    INVALID_METADATA("invalid-metadata", 400);

    private final String code;
    private final int httpStatus;

    RejectionCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    static RejectionCode of(RejectionReason reason) {
        return switch (reason) {
            case EMPTY -> EMPTY;
            case UNRECOGNIZED_FORMAT -> UNRECOGNIZED_FORMAT;
            case CORRUPT -> CORRUPT;
            case UNSUPPORTED_TRANSFER_SYNTAX -> UNSUPPORTED_TRANSFER_SYNTAX;
            case NOT_AN_IMAGE -> NOT_AN_IMAGE;
        };
    }
}
