package org.xray.ingest.service;

import org.xray.contracts.RejectionReason;

/** An image ingest refuses, with a reason for machines and a message a user can act on. */
public final class ImageRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public ImageRejectedException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
