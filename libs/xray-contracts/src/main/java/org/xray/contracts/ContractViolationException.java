package org.xray.contracts;

/**
 * A value breaks the wire contract: a missing or malformed header, a blank id, an inconsistent field.
 * It is an {@link IllegalArgumentException} so callers that already treat bad arguments as such keep working.
 */
public class ContractViolationException extends IllegalArgumentException {

    public ContractViolationException(String message) {
        super(message);
    }

    public ContractViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
