package org.xray.ingest.dicomweb;

/** A multipart/related body that cannot be split into parts. */
public final class MalformedMultipartException extends RuntimeException {

    public MalformedMultipartException(String message) {
        super(message);
    }
}
