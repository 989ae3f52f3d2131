package org.xray.ingest.dashboard;

import java.time.Instant;

import org.xray.contracts.BodyPart;

/**
 * A record some service dead-lettered, as read back from a {@code .dlq} topic. Ids the dead letter did not carry are
 * {@value #UNKNOWN}.
 *
 * @param topic the topic the record was refused on
 */
public record DeadLetteredImage(String imageId, String studyId, BodyPart bodyPart, String topic, String reason,
                        String message, Instant at) {

    public static final String UNKNOWN = "unknown";
}
