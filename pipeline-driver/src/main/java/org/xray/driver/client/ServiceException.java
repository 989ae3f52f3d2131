package org.xray.driver.client;

/** A service answered with an error, or not at all. */
public final class ServiceException extends RuntimeException {

    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
