package org.xray.imaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time of consecutive pipeline stages: each lap is the time since the previous one. One per call. */
final class StageClock {

    private final Map<String, Duration> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void lap(String stage) {
        long now = System.nanoTime();
        laps.put(stage, Duration.ofNanos(now - last));
        last = now;
    }

    Map<String, Duration> laps() {
        return laps;
    }
}
