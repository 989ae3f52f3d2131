package org.xray.trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What a trainer stopped in the middle of a job leaves behind: a RUNNING job file in its data directory, one of its
 * two models already published. Written before the application starts, so the test sees what a restarted trainer
 * does with it.
 */
public class InterruptedJobResource implements QuarkusTestResourceLifecycleManager {

    public static final String JOB_ID = "interrupted-job";

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory("trainer-resume");
            Files.createDirectories(dataDir.resolve("jobs"));
            StringBuilder hyperparameters = new StringBuilder();
            TrainerFixtures.TINY.forEach((key, value) -> hyperparameters.append(hyperparameters.isEmpty() ? "" : ",")
                    .append('"').append(key).append("\":\"").append(value).append('"'));
            Files.writeString(dataDir.resolve("jobs").resolve(JOB_ID + ".json"), """
                    {"id": "%s", "state": "RUNNING", "version": "resume-v1",
                     "spec": {"dataset": "%s", "bodyParts": ["XR_SHOULDER", "XR_WRIST"], "imageSize": 32,
                              "hyperparameters": {%s}},
                     "submittedAt": "2026-11-26T00:00:00Z", "startedAt": "2026-11-26T00:00:01Z",
                     "published": [{"name": "fanogan/XR_SHOULDER", "version": "resume-v1", "status": "CURRENT",
                                    "reason": "published before the restart", "metrics": {},
                                    "directory": "/before/the/restart"}],
                     "resumed": false}
                    """.formatted(JOB_ID, TrainerFixtures.sharedDataset(), hyperparameters));
            return Map.of("xray.trainer.data-dir", dataDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
