package org.xray.ingest.service;

/** Kafka did not acknowledge a raw image in time; the image was not accepted and may be sent again. */
public final class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
