package org.xray.ingest.dashboard;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.xray.contracts.BodyPart;
import org.xray.contracts.events.ImageMetadata;

/**
 * What the pipeline did with one image, as far as this replica has seen on the topics: the web app's image view.
 * Immutable; each event seen yields a new trace.
 *
 * @param alert the latest alert of the image's study for the model version that scored it
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ImageTrace(
        String imageId,
        String studyId,
        BodyPart bodyPart,
        Instant receivedAt,
        Optional<Preprocessed> preprocessed,
        Optional<Score> score,
        Optional<Alert> alert,
        Optional<Rejection> rejection) {

    /** The furthest the image got: a rejection ends its way, a score completes it. */
    public enum Stage { PREPROCESSED, SCORED, REJECTED }

    @JsonProperty("stage")
    public Stage stage() {
        if (rejection.isPresent()) {
            return Stage.REJECTED;
        }
        return score.isPresent() ? Stage.SCORED : Stage.PREPROCESSED;
    }

    /** The model-size input as the scorer saw it. */
    public record Preprocessed(int width, int height, String png) {
    }

    public record Score(String modelName, String modelVersion, double score, double threshold, boolean anomalous,
                        double imageResidual, double featureResidual, double studyScore, int studyImageCount,
                        long latencyMillis, Instant scoredAt, Optional<String> heatmapPng,
                        Optional<String> reconstructionPng) {
    }

    public record Alert(String alertId, int revision, double studyScore, double threshold, Instant raisedAt) {
    }

    public record Rejection(String topic, String reason, String message) {
    }

    static ImageTrace of(ImageMetadata image) {
        return of(image.imageId(), image.studyId(), image.bodyPart(), image.receivedAt());
    }

    static ImageTrace of(String imageId, String studyId, BodyPart bodyPart, Instant receivedAt) {
        return new ImageTrace(imageId, studyId, bodyPart, receivedAt, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    ImageTrace withPreprocessed(Preprocessed value) {
        return new ImageTrace(imageId, studyId, bodyPart, receivedAt, Optional.of(value), score, alert, rejection);
    }

    ImageTrace withScore(Score value) {
        return new ImageTrace(imageId, studyId, bodyPart, receivedAt, preprocessed, Optional.of(value), alert,
                rejection);
    }

    ImageTrace withAlert(Alert value) {
        return new ImageTrace(imageId, studyId, bodyPart, receivedAt, preprocessed, score, Optional.of(value),
                rejection);
    }

    ImageTrace withRejection(Rejection value) {
        return new ImageTrace(imageId, studyId, bodyPart, receivedAt, preprocessed, score, alert,
                Optional.of(value));
    }
}
