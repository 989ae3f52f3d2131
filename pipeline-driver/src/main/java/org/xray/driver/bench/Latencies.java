package org.xray.driver.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latencies of the timed images, in milliseconds.
 *
 * @param sendToScore from just before the HTTP upload was sent to the score event's arrival here
 * @param scorerReported the score events' own {@code latencyMillis}: ingest's {@code receivedAt} to scoring
 */
record Latencies(List<Long> sendToScore, List<Long> scorerReported) {

    /** Nearest-rank percentile, {@code p} in (0, 100]. */
    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
