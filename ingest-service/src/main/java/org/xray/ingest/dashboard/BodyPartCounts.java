package org.xray.ingest.dashboard;

/** How many of one body part's images were scored, found anomalous, alerted on (studies) and rejected. */
public final class BodyPartCounts {

    private long scored;
    private long anomalous;
    private long alerts;
    private long rejected;

    void scored(boolean isAnomalous) {
        scored++;
        if (isAnomalous) {
            anomalous++;
        }
    }

    void alerted() {
        alerts++;
    }

    void rejected() {
        rejected++;
    }

    Snapshot snapshot() {
        return new Snapshot(scored, anomalous, alerts, rejected);
    }

    public record Snapshot(long scored, long anomalous, long alerts, long rejected) {
    }
}
