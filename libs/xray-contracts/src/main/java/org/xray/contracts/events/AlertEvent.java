package org.xray.contracts.events;

import java.time.Instant;
import org.xray.contracts.BodyPart;

/**
 * The value on {@code xray.alerts}: a study's score passed its body part's threshold.
 *
 * <p>A study gets one alert per model version ({@link #alertId}); a redelivered image re-emits the same id and
 * revision, so consumers deduplicate on {@code (alertId, revision)} and keep the highest revision.
 *
 * @param alertId           {@code studyId@modelName@modelVersion}, see {@link #alertId(String, String, String)}
 * @param imageCount        how many of the study's images the study score covers
 * @param triggeringImageId the image whose score raised (or last raised) the study score
 * @param revision          1 for the first alert, +1 each time the study score rises further
 */
public record AlertEvent(
        int schemaVersion,
        String alertId,
        String studyId,
        BodyPart bodyPart,
        String patientKey,
        String modelName,
        String modelVersion,
        double studyScore,
        double threshold,
        int imageCount,
        String triggeringImageId,
        int revision,
        String traceId,
        Instant raisedAt) {

    public AlertEvent {
        Require.schemaVersion(schemaVersion, "AlertEvent");
        Require.nonBlank(studyId, "AlertEvent.studyId");
        Require.nonNull(bodyPart, "AlertEvent.bodyPart");
        Require.nonBlank(patientKey, "AlertEvent.patientKey");
        Require.nonBlank(modelName, "AlertEvent.modelName");
        Require.nonBlank(modelVersion, "AlertEvent.modelVersion");
        Require.equal(Require.nonBlank(alertId, "AlertEvent.alertId"), alertId(studyId, modelName, modelVersion),
                "AlertEvent.alertId");
        Require.finite(studyScore, "AlertEvent.studyScore");
        Require.finite(threshold, "AlertEvent.threshold");
        Require.atLeast(imageCount, 1, "AlertEvent.imageCount");
        Require.nonBlank(triggeringImageId, "AlertEvent.triggeringImageId");
        Require.atLeast(revision, 1, "AlertEvent.revision");
        Require.nonBlank(traceId, "AlertEvent.traceId");
        Require.nonNull(raisedAt, "AlertEvent.raisedAt");
    }

    /** The alert's identity: one per study and model version, so a redelivery never makes a second alert. */
    public static String alertId(String studyId, String modelName, String modelVersion) {
        return studyId + "@" + modelName + "@" + modelVersion;
    }
}
