package org.xray.scoring.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.xray.evaluation.StudyAggregation;

/**
 * Running study scores, per study and model version, bounded to the most recently seen studies. A study's images
 * share a partition, so one thread at a time changes a study; changes are staged per batch and committed only once
 * the batch's output is acknowledged, so a batch that fails and is redelivered raises its alerts again.
 */
public final class StudyScoreAggregator {

    private final StudyAggregation aggregation;
    private final Map<String, StudyState> studies;

    public StudyScoreAggregator(StudyAggregation aggregation, int maxStudies) {
        if (maxStudies < 1) {
            throw new IllegalArgumentException("maxStudies must be positive, was " + maxStudies);
        }
        this.aggregation = aggregation;
        this.studies = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StudyState> eldest) {
                return size() > maxStudies;
            }
        };
    }

    public Batch batch() {
        return new Batch();
    }

    private synchronized StudyState current(String studyKey) {
        return studies.getOrDefault(studyKey, StudyState.EMPTY);
    }

    private synchronized void commit(Map<String, StudyState> changes) {
        studies.putAll(changes);
    }

    /** One batch's staged changes: each study's images see the earlier ones of the batch. */
    public final class Batch {

        private final Map<String, StudyState> staged = new HashMap<>();

        /**
         * @param studyKey the study under one model version, e.g. the alert id
         * @return the study's state after the image, and whether it raised an alert
         */
        public StudyUpdate add(String studyKey, String imageId, double imageScore, double threshold) {
            StudyState before = staged.containsKey(studyKey) ? staged.get(studyKey) : current(studyKey);
            StudyState after = before.with(imageId, imageScore, threshold, aggregation);
            staged.put(studyKey, after);
            return new StudyUpdate(after.score(aggregation), after.imageCount(), after.alertRevision(),
                    after.alertRevision() > before.alertRevision());
        }

        public void commit() {
            StudyScoreAggregator.this.commit(staged);
            staged.clear();
        }
    }

    /**
     * @param alertRaised whether this image raised the study's alert to {@code alertRevision}
     */
    public record StudyUpdate(double studyScore, int imageCount, int alertRevision, boolean alertRaised) {
    }
}
