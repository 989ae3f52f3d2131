package org.xray.trainer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.bundle.ModelBundleReader;
import org.xray.anomaly.bundle.ModelManifests;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.Topics;
import org.xray.kafka.testkit.KafkaBrokerTestResource;
import org.xray.trainer.TrainerFixtures;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class TrainingJobResourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void trainsASmallJobAndPublishesAVerifiableBundleWhoseManifestCarriesTheReportsFigures() throws Exception {
        JsonPath job = awaitFinished(submit(Map.of("dataset", TrainerFixtures.sharedDataset().toString(),
                "bodyParts", List.of("XR_HAND"), "imageSize", 32, "hyperparameters", TrainerFixtures.TINY)));

        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getString("published[0].name")).isEqualTo("fanogan/XR_HAND");
        assertThat(job.getString("published[0].status")).isEqualTo("CURRENT");
        String version = job.getString("version");
        ModelManifest manifest = lastManifest("fanogan/XR_HAND");
        assertThat(manifest.version()).isEqualTo(version);
        byte[] bundle = lastValue(Topics.MODEL_ARTIFACTS, manifest.artifactKey());
        ModelManifests.requireArtifactMatches(manifest, bundle);
        ModelBundle verified = ModelBundleReader.read(bundle, TrainerFixtures.KEY);
        Path directory = Path.of(job.getString("published[0].directory"));
        Map<?, ?> report = new ObjectMapper().readValue(directory.resolve("report.json").toFile(), Map.class);
        assertThat(manifest.metrics()).isEqualTo(new HashMap<>((Map<?, ?>) report.get("metrics")));
        assertThat(manifest.thresholds()).isEqualTo(new HashMap<>((Map<?, ?>) report.get("thresholds")));
        assertThat(verified.manifest().validationMetrics()).isEqualTo(manifest.metrics());
        assertThat(Files.readAllBytes(directory.resolve("bundle.zip"))).isEqualTo(bundle);
        assertThat(directory.resolve("report.html")).exists();
        assertThat(directory.resolve("roc-XR_HAND.png")).exists();
        given().delete("/api/v1/training-jobs/" + job.getString("id")).then().statusCode(409)
                .body("detail", containsString("has already finished: SUCCEEDED"));
    }

    @Test
    void publishesAVersionWorseThanTheCurrentOneAsAChallenger() {
        ModelManifest excellent = new ModelManifest(1, "fanogan/XR_WRIST", "excellent", "fanogan", 32,
                ModelStatus.CURRENT, "fanogan/XR_WRIST@excellent", "0".repeat(64), 1, Map.of("XR_WRIST", 0.5),
                Map.of("meanRocAuc", 1.0, "meanAveragePrecision", 1.0, "kappa", 1.0), Instant.EPOCH, Instant.EPOCH, Optional.empty());
        produce(Topics.MODELS, excellent.topicKey(), EventJson.toBytes(excellent));

        JsonPath job = awaitFinished(submit(Map.of("dataset", TrainerFixtures.sharedDataset().toString(),
                "bodyParts", List.of("XR_WRIST"), "imageSize", 32, "hyperparameters", TrainerFixtures.TINY)));

        assertThat(job.getString("published[0].status")).isEqualTo("CHALLENGER");
        assertThat(job.getString("published[0].reason")).contains("worse than current version excellent");
        assertThat(lastManifest("fanogan/XR_WRIST#challenger").version()).isEqualTo(job.getString("version"));
        assertThat(lastManifest("fanogan/XR_WRIST").version()).isEqualTo("excellent");
    }

    @Test
    void cancelsARunningJobAndRefusesSubmissionsBeyondTheQueue() {
        Map<String, String> long_ = new HashMap<>(TrainerFixtures.TINY);
        long_.put("generatorIterations", "1000000");
        Map<String, Object> spec = Map.of("dataset", TrainerFixtures.sharedDataset().toString(), "bodyParts",
                List.of("XR_SHOULDER"), "imageSize", 32, "hyperparameters", long_);
        String running = submit(spec);
        List<String> queued = new ArrayList<>();
        try {
            Awaitility.await().atMost(TIMEOUT).until(() -> status(running).get("progress.iteration") != null);
            for (int i = 0; i < 4; i++) {
                queued.add(submit(spec));
            }

            given().contentType(ContentType.JSON).body(spec).post("/api/v1/training-jobs").then().statusCode(429)
                    .body("detail", containsString("already waiting"));
        } finally {
            queued.forEach(id -> given().delete("/api/v1/training-jobs/" + id).then().statusCode(202)
                    .body("state", equalTo("CANCELLED")));
            given().delete("/api/v1/training-jobs/" + running).then().statusCode(202);
        }
        JsonPath cancelled = awaitFinished(running);
        assertThat(cancelled.getString("state")).isEqualTo("CANCELLED");
        assertThat(cancelled.getString("error")).isEqualTo("cancelled by request");
        assertThat(cancelled.getString("progress.phase")).isEqualTo("GAN");
    }

    @Test
    void refusesAMissingDatasetNamingIt() {
        refused(Map.of("dataset", "/no/such/MURA-v1.1"), "/no/such/MURA-v1.1");
    }

    @Test
    void refusesAMalformedDatasetNamingTheFile() throws Exception {
        Path broken = Path.of("target", "broken-dataset").toAbsolutePath();
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("train_image_paths.csv"), "not,a,path\n");
        refused(Map.of("dataset", broken.toString()), "broken-dataset");
    }

    @Test
    void refusesABodyPartWithoutNormalImages() {
        refused(Map.of("dataset", TrainerFixtures.sharedDataset().toString(), "bodyParts", List.of("XR_ELBOW")),
                "body part XR_ELBOW has no normal images in the train split");
    }

    @Test
    void refusesAnUnknownAlgorithm() {
        refused(Map.of("dataset", TrainerFixtures.sharedDataset().toString(), "algorithm", "vae"),
                "unknown algorithm 'vae'; known: fanogan, alphagan");
    }

    @Test
    void answers404ForAnUnknownJob() {
        given().get("/api/v1/training-jobs/nope").then().statusCode(404).body("detail",
                equalTo("no training job nope"));
    }

    private static void refused(Map<String, Object> spec, String detail) {
        given().contentType(ContentType.JSON).body(spec).post("/api/v1/training-jobs").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(detail));
    }

    private static String submit(Map<String, Object> spec) {
        return given().contentType(ContentType.JSON).body(spec).post("/api/v1/training-jobs").then()
                .statusCode(202).header("Location", containsString("/api/v1/training-jobs/")).extract()
                .path("id");
    }

    private static JsonPath status(String id) {
        return given().get("/api/v1/training-jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitFinished(String id) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> List.of("SUCCEEDED",
                "FAILED", "CANCELLED").contains(status(id).getString("state")));
        return status(id);
    }

    private ModelManifest lastManifest(String key) {
        return EventJson.fromBytes(lastValue(Topics.MODELS, key), ModelManifest.class);
    }

    private byte[] lastValue(String topic, String key) {
        ConsumerTask<String, byte[]> task = companion
                .<String, byte[]>consumeWithDeserializers(new StringDeserializer(), new ByteArrayDeserializer())
                .fromTopics(Set.of(topic), records -> records.filter(r -> key.equals(r.key())));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> task.count() > 0);
            Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            List<ConsumerRecord<String, byte[]>> records = task.getRecords();
            return records.get(records.size() - 1).value();
        } finally {
            task.stop();
        }
    }

    private void produce(String topic, String key, byte[] value) {
        companion.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(List.of(new ProducerRecord<>(topic, key,
                value))).awaitCompletion(Duration.ofSeconds(30));
    }
}
