package org.xray.ingest.dashboard;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.xray.contracts.BodyPart;

/** One line of the web app's live feed; {@code kind} (the SSE event name) says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FeedItem.Scored.class, name = FeedItem.SCORE),
        @JsonSubTypes.Type(value = FeedItem.Alerted.class, name = FeedItem.ALERT),
        @JsonSubTypes.Type(value = FeedItem.Rejected.class, name = FeedItem.REJECTION)})
public sealed interface FeedItem {

    String SCORE = "score";
    String ALERT = "alert";
    String REJECTION = "rejection";

    /** The SSE event name. */
    String kind();

    record Scored(String imageId, String studyId, BodyPart bodyPart, String modelName, String modelVersion,
                  double score, double threshold, boolean anomalous, Instant at) implements FeedItem {
        @Override
        public String kind() {
            return SCORE;
        }
    }

    record Alerted(String alertId, String studyId, BodyPart bodyPart, String modelName, String modelVersion,
                   double studyScore, double threshold, int revision, Instant at) implements FeedItem {
        @Override
        public String kind() {
            return ALERT;
        }
    }

    record Rejected(String imageId, String studyId, BodyPart bodyPart, String topic, String reason, String message,
                    Instant at) implements FeedItem {
        @Override
        public String kind() {
            return REJECTION;
        }
    }
}
