package org.xray.scoring.model;

/** No loaded model serves an image's body part. */
public class NoModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoModelException(String message) {
        super(message);
    }
}
