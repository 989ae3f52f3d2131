package org.xray.scoring.model;

/** A model version cannot be served; {@link #reason()} is the stable code for metrics and the models API. */
public class ModelRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public ModelRefusedException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
