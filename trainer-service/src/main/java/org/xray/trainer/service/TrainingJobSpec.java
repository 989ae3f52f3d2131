package org.xray.trainer.service;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.xray.anomaly.scoring.Algorithm;
import org.xray.contracts.BodyPart;
import org.xray.training.ModelScope;
import org.xray.training.TrainingRequest;

/**
 * A training job as submitted (JSON body of {@code POST /api/v1/training-jobs}, or the command line) and as kept
 * with the job. Absent fields take the defaults: every body part, one model per part, f-AnoGAN, 64 pixels, the
 * algorithm's published hyperparameters.
 *
 * @param dataset         a directory in MURA-v1.1 layout, as the trainer sees it
 * @param bodyParts       e.g. {@code ["XR_HAND"]}
 * @param scope           {@code per-body-part} or {@code all-body-parts}
 * @param algorithm       {@code fanogan} or {@code alphagan}
 * @param hyperparameters overrides by config field name, e.g. {@code {"generatorIterations": "2000"}}
 */
public record TrainingJobSpec(String dataset, List<String> bodyParts, String scope, String algorithm,
                              Integer imageSize, Map<String, String> hyperparameters) {

    /** @throws IllegalArgumentException naming the field that is missing or not understood */
    public TrainingRequest toRequest() {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset is required: the path of a directory in MURA-v1.1 layout");
        }
        Set<BodyPart> parts = EnumSet.noneOf(BodyPart.class);
        for (String part : bodyParts == null ? List.<String>of() : bodyParts) {
            try {
                parts.add(BodyPart.valueOf(part));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown body part '" + part + "'; known: "
                        + Arrays.toString(BodyPart.values()), e);
            }
        }
        return new TrainingRequest(Path.of(dataset), parts, modelScope(), Algorithm.fromId(algorithm == null ? "fanogan"
                : algorithm), imageSize == null ? 64 : imageSize, hyperparameters == null ? Map.of() : hyperparameters);
    }

    private ModelScope modelScope() {
        if (scope == null) {
            return ModelScope.PER_BODY_PART;
        }
        try {
            return ModelScope.valueOf(scope.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scope '" + scope + "'; known: per-body-part, all-body-parts",
                    e);
        }
    }
}
