package org.xray.anomaly.bundle;

/**
 * A model bundle failed verification: it is not signed, signed with another key, altered, incomplete, unsafe or
 * too large. A scorer must not load it; the message says what is wrong and, where it helps, what to do.
 */
public class BundleVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BundleVerificationException(String message) {
        super(message);
    }

    public BundleVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
