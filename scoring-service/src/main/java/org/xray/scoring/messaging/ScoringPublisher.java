package org.xray.scoring.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ScoreEvent;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.EventTypes;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.messaging.OutgoingRecords;

/** Sends score events, shadow scores and alerts as JSON keyed by study, in CloudEvents binary mode. */
@ApplicationScoped
public class ScoringPublisher {

    static final String SOURCE = "scoring-service";

    private final Emitter<byte[]> scores;
    private final Emitter<byte[]> shadowScores;
    private final Emitter<byte[]> alerts;

    public ScoringPublisher(@Channel("scores") Emitter<byte[]> scores,
                            @Channel("scores-shadow") Emitter<byte[]> shadowScores,
                            @Channel("alerts") Emitter<byte[]> alerts) {
        this.scores = scores;
        this.shadowScores = shadowScores;
        this.alerts = alerts;
    }

    public CompletionStage<Void> score(ScoreEvent event) {
        return send(scores, event, EventTypes.SCORE);
    }

    public CompletionStage<Void> shadowScore(ScoreEvent event) {
        return send(shadowScores, event, EventTypes.SCORE);
    }

    /** The CloudEvents id is {@code alertId#revision}: the pair that consumers deduplicate on. */
    public CompletionStage<Void> alert(AlertEvent event) {
        return OutgoingRecords.send(alerts, event.studyId(), EventJson.toBytes(event), headers(
                event.alertId() + "#" + event.revision(), EventTypes.ALERT, event.raisedAt(), event.studyId(),
                event.traceId()));
    }

    private static CompletionStage<Void> send(Emitter<byte[]> emitter, ScoreEvent event, String type) {
        return OutgoingRecords.send(emitter, event.image().studyId(), EventJson.toBytes(event), headers(
                event.image().imageId(), type, event.scoredAt(), event.image().studyId(), event.image().traceId()));
    }

    private static Map<String, String> headers(String id, String type, Instant time, String studyId, String traceId) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.binaryMode(id, type, SOURCE, time,
                studyId, CloudEventHeaders.JSON_CONTENT_TYPE));
        headers.put(XrayHeaders.TRACE_ID, traceId);
        return headers;
    }
}
