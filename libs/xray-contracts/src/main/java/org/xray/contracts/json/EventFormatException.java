package org.xray.contracts.json;

/** An event could not be written or read as JSON; the message names the event type, the cause and where. */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
