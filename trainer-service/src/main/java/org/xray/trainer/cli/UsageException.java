package org.xray.trainer.cli;

/** The command line is wrong: an unknown command or option, a missing or malformed value. Exit status 2. */
public class UsageException extends IllegalArgumentException {

    public UsageException(String message) {
        super(message);
    }
}
