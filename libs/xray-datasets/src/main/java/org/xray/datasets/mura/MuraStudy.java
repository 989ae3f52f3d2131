package org.xray.datasets.mura;

import java.util.List;
import java.util.Objects;
import org.xray.contracts.BodyPart;

/** One study of {@code *_labeled_studies.csv} with its images (never empty) in CSV order. */
public record MuraStudy(String studyKey, Split split, BodyPart bodyPart, String patientId, boolean abnormal,
                        List<MuraImage> images) {
    public MuraStudy {
        Objects.requireNonNull(studyKey, "studyKey");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(bodyPart, "bodyPart");
        Objects.requireNonNull(patientId, "patientId");
        images = List.copyOf(images);
    }
}
