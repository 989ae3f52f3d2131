package org.xray.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.anomaly.bundle.BundleManifest;
import org.xray.anomaly.scoring.Algorithm;
import org.xray.anomaly.scoring.TrainedModels;
import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.ProgressListener;
import org.xray.datasets.synthetic.SyntheticDatasetSpec;
import org.xray.datasets.synthetic.SyntheticDatasetWriter;

class ModelTrainingPipelineTest {

    /** Tiny networks and schedules: this checks the job's plumbing; FAnoGanLearningTest checks learning. */
    static final Map<String, String> TINY = Map.of("criticWidth", "4", "generatorWidth", "4", "encoderWidth", "4",
            "latentSize", "16", "batchSize", "8", "generatorIterations", "2", "encoderIterations", "2");

    @TempDir
    static Path root;
    static Path dataset;

    @BeforeAll
    static void writeSmallSyntheticDataset() {
        dataset = root.resolve("MURA-v1.1");
        SyntheticDatasetWriter.write(dataset, new SyntheticDatasetSpec(3, 64, EnumSet.of(BodyPart.XR_HAND,
                BodyPart.XR_WRIST), 6, 6, 0.5, 2), ProgressListener.NONE);
    }

    @Test
    void makesOneEvaluatedBundlePerBodyPartWhoseManifestCarriesTheReportsFigures() {
        List<String> stages = new ArrayList<>();
        TrainingObserver observer = new TrainingObserver() {
            @Override
            public void onStage(String model, String stage) {
                stages.add(model + ":" + stage);
            }
        };

        List<TrainedVersion> versions = new ModelTrainingPipeline(root.resolve("work")).run(request(Set.of(),
                ModelScope.PER_BODY_PART, TINY), "v1", observer);

        assertThat(versions).extracting(TrainedVersion::name).containsExactly("fanogan/XR_HAND", "fanogan/XR_WRIST");
        for (TrainedVersion version : versions) {
            BundleManifest manifest = version.bundle().manifest();
            assertThat(manifest.version()).isEqualTo("v1");
            assertThat(manifest.imageSize()).isEqualTo(32);
            assertThat(manifest.validationMetrics()).isEqualTo(version.report().metrics());
            assertThat(manifest.thresholds()).isEqualTo(version.report().thresholds()).hasSize(1);
            assertThat(manifest.preprocessing()).containsEntry("size", "32").containsEntry("equalization", "HISTOGRAM")
                    .containsEntry("framing", "CANONICAL");
            assertThat(manifest.hyperparameters()).containsEntry("generatorIterations", "2");
            assertThat(manifest.trainingDataFingerprint()).startsWith("sha256:");
            assertThat(version.scored()).isNotEmpty().allSatisfy(image -> assertThat(image.bodyPart().name())
                    .isEqualTo(manifest.name().substring("fanogan/".length())));
            assertThat(TrainedModels.fromBundle(version.bundle()).imageSize()).isEqualTo(32);
        }
        assertThat(stages).startsWith("fanogan/XR_HAND:preprocessing", "fanogan/XR_HAND:training",
                "fanogan/XR_HAND:evaluating", "fanogan/XR_HAND:bundling");
        assertThat(Files.isDirectory(root.resolve("work/checkpoints/v1/fanogan_XR_HAND"))).isTrue();
    }

    @Test
    void makesOneModelForAllPartsWithAThresholdPerPart() {
        List<TrainedVersion> versions = new ModelTrainingPipeline(root.resolve("work-all")).run(request(Set.of(),
                ModelScope.ALL_BODY_PARTS, TINY), "v1", TrainingObserver.NONE);

        assertThat(versions).singleElement().satisfies(version -> {
            assertThat(version.name()).isEqualTo("fanogan/ALL");
            Map<String, Double> thresholds = version.bundle().manifest().thresholds();
            assertThat(thresholds).containsOnlyKeys("XR_HAND", "XR_WRIST", "UNKNOWN");
            assertThat(thresholds.get("UNKNOWN")).isEqualTo(Math.max(thresholds.get("XR_HAND"),
                    thresholds.get("XR_WRIST")));
        });
    }

    @Test
    void refusesAMissingDatasetNamingIt() {
        TrainingRequest request = new TrainingRequest(root.resolve("nowhere"), Set.of(), ModelScope.PER_BODY_PART,
                Algorithm.FANOGAN, 32, TINY);

        assertThatThrownBy(() -> new ModelTrainingPipeline(root).run(request, "v1", TrainingObserver.NONE))
                .hasMessageContaining("nowhere");
    }

    @Test
    void refusesABodyPartWithoutNormalTrainingImages() {
        assertThatThrownBy(() -> new ModelTrainingPipeline(root).run(request(Set.of(BodyPart.XR_ELBOW),
                ModelScope.PER_BODY_PART, TINY), "v1", TrainingObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body part XR_ELBOW has no normal images in the train split");
    }

    @Test
    void refusesAnUnknownHyperparameterListingTheKnownOnes() {
        assertThatThrownBy(() -> new ModelTrainingPipeline(root).run(request(Set.of(), ModelScope.PER_BODY_PART,
                Map.of("epochs", "3")), "v1", TrainingObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown hyperparameter 'epochs' for fanogan")
                .hasMessageContaining("generatorIterations");
    }

    @Test
    void refusesAnUnsupportedImageSize() {
        assertThatThrownBy(() -> new TrainingRequest(dataset, Set.of(), ModelScope.PER_BODY_PART, Algorithm.FANOGAN,
                48, Map.of())).hasMessageContaining("imageSize must be one of [32, 64, 128, 256], was 48");
    }

    static TrainingRequest request(Set<BodyPart> parts, ModelScope scope, Map<String, String> hyperparameters) {
        return new TrainingRequest(dataset, parts, scope, Algorithm.FANOGAN, 32, hyperparameters);
    }
}
