package org.xray.scoring.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.xray.evaluation.StudyAggregation;

/**
 * A study's scored images under one model version, and its alert so far. Immutable: {@link #with} gives the next
 * state, so a batch can stage changes and drop them if its output is not acknowledged.
 *
 * @param imageScores   score by image id, in arrival order
 * @param alertRevision 0 before the first alert, then the revision of the last alert raised
 * @param alertedScore  the study score the last alert reported
 */
public record StudyState(Map<String, Double> imageScores, int alertRevision, double alertedScore) {

    public static final StudyState EMPTY = new StudyState(Map.of(), 0, Double.NEGATIVE_INFINITY);

    public StudyState {
        imageScores = Collections.unmodifiableMap(new LinkedHashMap<>(imageScores));
    }

    public int imageCount() {
        return imageScores.size();
    }

    public double score(StudyAggregation aggregation) {
        return aggregation == StudyAggregation.MAX
                ? imageScores.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)
                : imageScores.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * The state after one more image. An image already counted (a redelivery) changes nothing. An alert is raised
     * (revision + 1) when the study score reaches the threshold for the first time, or rises above the last alerted
     * score.
     */
    public StudyState with(String imageId, double imageScore, double threshold, StudyAggregation aggregation) {
        if (imageScores.containsKey(imageId)) {
            return this;
        }
        Map<String, Double> scores = new LinkedHashMap<>(imageScores);
        scores.put(imageId, imageScore);
        StudyState next = new StudyState(scores, alertRevision, alertedScore);
        double studyScore = next.score(aggregation);
        return studyScore >= threshold && studyScore > alertedScore
                ? new StudyState(scores, alertRevision + 1, studyScore)
                : next;
    }
}
