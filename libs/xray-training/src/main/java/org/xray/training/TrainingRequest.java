package org.xray.training;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xray.anomaly.scoring.Algorithm;
import org.xray.contracts.BodyPart;
import org.xray.imaging.PreprocessingSettings;

/**
 * What to train: a dataset in MURA-v1.1 layout, the body parts (empty: every part the train split has), one model
 * per part or one for all, the algorithm, the image size, and hyperparameters that override the algorithm's
 * published defaults (names as in {@code FAnoGanConfig} / {@code AlphaGanConfig}, e.g. {@code generatorIterations}).
 */
public record TrainingRequest(Path dataset, Set<BodyPart> bodyParts, ModelScope scope, Algorithm algorithm,
                              int imageSize, Map<String, String> hyperparameters) {

    /** @throws IllegalArgumentException naming the field that is missing or invalid */
    public TrainingRequest {
        if (dataset == null) {
            throw new IllegalArgumentException("dataset is required: a directory in MURA-v1.1 layout");
        }
        if (bodyParts == null) {
            throw new IllegalArgumentException("bodyParts is required (empty means every part in the dataset)");
        }
        if (bodyParts.contains(BodyPart.UNKNOWN)) {
            throw new IllegalArgumentException("UNKNOWN is not a body part a dataset has; leave it out");
        }
        if (scope == null || algorithm == null) {
            throw new IllegalArgumentException("scope and algorithm are required");
        }
        if (!PreprocessingSettings.SIZES.contains(imageSize)) {
            throw new IllegalArgumentException("imageSize must be one of " + new TreeSet<>(
                    PreprocessingSettings.SIZES) + ", was " + imageSize);
        }
        bodyParts = bodyParts.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(bodyParts));
        hyperparameters = Collections.unmodifiableMap(new TreeMap<>(hyperparameters == null ? Map.of()
                : hyperparameters));
    }
}
