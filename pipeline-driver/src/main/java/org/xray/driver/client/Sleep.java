package org.xray.driver.client;

import java.time.Duration;

/** {@link Thread#sleep} that turns an interruption into an unchecked stop, keeping the interrupt flag. */
public final class Sleep {

    private Sleep() {
    }

    public static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted", e);
        }
    }
}
