package org.xray.trainer.service;

/** A job was submitted while the queue was full. */
public class QueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
