package org.xray.evaluation;

import org.xray.contracts.BodyPart;

/**
 * One validation image with the model's anomaly score (higher = more abnormal) and its study's ground truth.
 *
 * @param studyId  unique across the whole validation set (MURA: e.g. {@code XR_HAND/patient11185/study1})
 * @param abnormal the label of the image's study (MURA labels studies, not images)
 */
public record ScoredImage(String imageId, String studyId, BodyPart bodyPart, double score, boolean abnormal) {

    public ScoredImage {
        Checks.nonBlank(imageId, "ScoredImage.imageId");
        Checks.nonBlank(studyId, "ScoredImage.studyId");
        Checks.nonNull(bodyPart, "ScoredImage.bodyPart");
        Checks.finite(score, "ScoredImage.score of " + imageId);
    }
}
