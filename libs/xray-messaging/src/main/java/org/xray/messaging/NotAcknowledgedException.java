package org.xray.messaging;

/** Kafka did not acknowledge a record; the caller must not acknowledge its input. */
public final class NotAcknowledgedException extends RuntimeException {

    public NotAcknowledgedException(String message, Throwable cause) {
        super(message, cause);
    }
}
