package org.xray.datasets.mura;

import java.nio.file.Path;
import java.util.Objects;
import org.xray.contracts.BodyPart;

/**
 * One radiograph listed in a split's {@code *_image_paths.csv}.
 *
 * @param path      absolute path of the image file
 * @param patientId the digits of the {@code patient<id>} directory, e.g. {@code 11185}
 * @param studyKey  split, part, patient and study directories, e.g. {@code valid/XR_HAND/patient11185/study1_positive}
 * @param abnormal  the study's label (all images of a study share it)
 */
public record MuraImage(Path path, Split split, BodyPart bodyPart, String patientId, String studyKey, boolean abnormal) {
    public MuraImage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(bodyPart, "bodyPart");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(studyKey, "studyKey");
    }
}
