package org.xray.formats;

import org.xray.contracts.RejectionReason;

import java.util.Objects;

/** An upload that cannot be accepted; the message says what is wrong and what the sender can do about it. */
public final class InvalidImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public InvalidImageException(RejectionReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectionReason reason() {
        return reason;
    }

    static InvalidImageException corrupt(String message) {
        return new InvalidImageException(RejectionReason.CORRUPT, message);
    }
}
