package org.xray.ingest.service;

/** An image ingest refuses, with a code for machines and a message a user can act on. */
public final class ImageRejectedException extends RuntimeException {

    private final RejectionCode code;

    public ImageRejectedException(RejectionCode code, String message) {
        super(message);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
