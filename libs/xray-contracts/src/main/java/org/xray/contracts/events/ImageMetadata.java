package org.xray.contracts.events;

import java.time.Instant;
import org.xray.contracts.BodyPart;

/**
 * What every event says about the image it concerns; embedded as {@code image} in each JSON event.
 *
 * @param imageId    SOP Instance UID, or a generated UUID when the source has none; the idempotency key
 * @param studyId    Study Instance UID; the Kafka record key, so a study stays in one partition, in order
 * @param patientKey a pseudonym made at ingest: names and other direct identifiers never leave ingest
 * @param source     who sent the image, e.g. {@code ingest-http}, {@code dicomweb}, {@code pacs-bridge}
 * @param receivedAt when ingest accepted the image
 * @param traceId    follows the image through every service, for logs and latency
 */
public record ImageMetadata(
        String imageId,
        String studyId,
        BodyPart bodyPart,
        String patientKey,
        String source,
        Instant receivedAt,
        String traceId) {

    public ImageMetadata {
        Require.nonBlank(imageId, "image.imageId");
        Require.nonBlank(studyId, "image.studyId");
        Require.nonNull(bodyPart, "image.bodyPart");
        Require.nonBlank(patientKey, "image.patientKey");
        Require.nonBlank(source, "image.source");
        Require.nonNull(receivedAt, "image.receivedAt");
        Require.nonBlank(traceId, "image.traceId");
    }
}
