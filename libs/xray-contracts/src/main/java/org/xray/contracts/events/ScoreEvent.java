package org.xray.contracts.events;

import java.time.Instant;
import java.util.Optional;

/**
 * The value on {@code xray.scores}: one image's anomaly score and its study's running score.
 *
 * @param imageResidual   mean reconstruction error {@code |x - G(E(x))|}
 * @param featureResidual mean error between the critic's features of x and of its reconstruction
 * @param score           the image's anomaly score; higher is more anomalous
 * @param threshold       the body part's threshold the score was compared with
 * @param anomalous       whether the image's score passed the threshold
 * @param studyScore      the study's score over the images scored so far (max by default)
 * @param studyImageCount how many of the study's images the study score covers
 * @param latencyMillis   from {@code image.receivedAt} to scoring
 * @param heatmapPng      base64 PNG of the per-pixel residual, when the scorer was asked for one
 * @param reconstructionPng base64 PNG of the model's reconstruction of the image, when the scorer was asked for one
 */
public record ScoreEvent(
        int schemaVersion,
        ImageMetadata image,
        String modelName,
        String modelVersion,
        double imageResidual,
        double featureResidual,
        double score,
        double threshold,
        boolean anomalous,
        double studyScore,
        int studyImageCount,
        long latencyMillis,
        Instant scoredAt,
        Optional<String> heatmapPng,
        Optional<String> reconstructionPng) {

    public ScoreEvent {
        Require.schemaVersion(schemaVersion, "ScoreEvent");
        Require.nonNull(image, "ScoreEvent.image");
        Require.nonBlank(modelName, "ScoreEvent.modelName");
        Require.nonBlank(modelVersion, "ScoreEvent.modelVersion");
        Require.finite(imageResidual, "ScoreEvent.imageResidual");
        Require.finite(featureResidual, "ScoreEvent.featureResidual");
        Require.finite(score, "ScoreEvent.score");
        Require.finite(threshold, "ScoreEvent.threshold");
        Require.finite(studyScore, "ScoreEvent.studyScore");
        Require.atLeast(studyImageCount, 1, "ScoreEvent.studyImageCount");
        Require.atLeast(latencyMillis, 0, "ScoreEvent.latencyMillis");
        Require.nonNull(scoredAt, "ScoreEvent.scoredAt");
        Require.nonBlank(heatmapPng, "ScoreEvent.heatmapPng");
        Require.nonBlank(reconstructionPng, "ScoreEvent.reconstructionPng");
    }
}
