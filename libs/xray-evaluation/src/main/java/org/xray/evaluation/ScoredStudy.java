package org.xray.evaluation;

import org.xray.contracts.BodyPart;

/** One study: the aggregate of its images' scores (see {@link StudyAggregation}) and its label. */
public record ScoredStudy(String studyId, BodyPart bodyPart, double score, boolean abnormal, int imageCount) {

    public ScoredStudy {
        Checks.nonBlank(studyId, "ScoredStudy.studyId");
        Checks.nonNull(bodyPart, "ScoredStudy.bodyPart");
        Checks.finite(score, "ScoredStudy.score of " + studyId);
        if (imageCount < 1) {
            throw new IllegalArgumentException("ScoredStudy.imageCount of " + studyId + " must be >= 1, was "
                    + imageCount);
        }
    }
}
