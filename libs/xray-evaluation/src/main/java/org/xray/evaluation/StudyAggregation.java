package org.xray.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a study's score is made from its images' scores. MURA's convention, and the default, is {@link #MAX}. */
public enum StudyAggregation {
    /** The highest image score: one clearly abnormal view makes the study abnormal. */
    MAX,
    /** The mean image score. */
    MEAN;

    /**
     * Groups images by study id, in order of each study's first image.
     *
     * @throws IllegalArgumentException when the images of one study disagree on its label or body part
     */
    public List<ScoredStudy> aggregate(List<ScoredImage> images) {
        Checks.nonNull(images, "images");
        Map<String, List<ScoredImage>> byStudy = new LinkedHashMap<>();
        for (ScoredImage image : images) {
            Checks.nonNull(image, "image");
            byStudy.computeIfAbsent(image.studyId(), id -> new ArrayList<>()).add(image);
        }
        List<ScoredStudy> studies = new ArrayList<>(byStudy.size());
        byStudy.forEach((studyId, members) -> studies.add(study(studyId, members)));
        return List.copyOf(studies);
    }

    private ScoredStudy study(String studyId, List<ScoredImage> members) {
        ScoredImage first = members.get(0);
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (ScoredImage image : members) {
            if (image.abnormal() != first.abnormal()) {
                throw new IllegalArgumentException("study " + studyId + " has inconsistent labels: image "
                        + first.imageId() + " is " + label(first) + " but image " + image.imageId() + " is "
                        + label(image) + "; a study's images must share its label");
            }
            if (image.bodyPart() != first.bodyPart()) {
                throw new IllegalArgumentException("study " + studyId + " spans body parts " + first.bodyPart()
                        + " and " + image.bodyPart() + "; study ids must be unique across body parts");
            }
            max = Math.max(max, image.score());
            sum += image.score();
        }
        double score = this == MAX ? max : sum / members.size();
        return new ScoredStudy(studyId, first.bodyPart(), score, first.abnormal(), members.size());
    }

    private static String label(ScoredImage image) {
        return image.abnormal() ? "abnormal" : "normal";
    }
}
