package org.xray.scoring.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.bundle.ModelBundleWriter;
import org.xray.anomaly.bundle.ModelManifests;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.ScoreEvent;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.Topics;
import org.xray.kafka.testkit.KafkaBrokerTestResource;
import org.xray.kafka.testkit.TopicRecords;
import org.xray.scoring.TestModels;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class ModelHotReloadTest {

    private static final String MODEL = "fanogan/XR_HAND";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void swapsVersionsWhileStreamingWithoutLosingOrRescoringAnImageAndRefusesATamperedBundle() throws Exception {
        ModelManifest v1 = TestModels.publish(companion, TestModels.bundle(TestModels.model(11), MODEL, "v1",
                Map.of("XR_HAND", 0.5)), ModelStatus.CURRENT);
        awaitServing("v1");

        Set<String> streamed = ConcurrentHashMap.newKeySet();
        ConsumerTask<String, byte[]> scores = companion
                .<String, byte[]>consumeWithDeserializers(new StringDeserializer(), new ByteArrayDeserializer())
                .fromTopics(Set.of(Topics.SCORES), records -> records.filter(r -> streamed.contains(
                        EventJson.fromBytes(r.value(), ScoreEvent.class).image().imageId())));
        AtomicBoolean streaming = new AtomicBoolean(true);
        Thread feed = new Thread(() -> {
            for (int i = 0; streaming.get(); i++) {
                PreprocessedImage image = TestModels.image("study-reload-" + (i % 12), BodyPart.XR_HAND,
                        TestModels.SIZE, 1000 + i);
                streamed.add(image.image().imageId());
                TestModels.produce(companion, Topics.PREPROCESSED_IMAGES, image.image().studyId(),
                        EventJson.toBytes(image));
                sleep(15);
            }
        }, "test-feed");
        try {
            feed.start();
            sleep(1500);
            TestModels.publish(companion, TestModels.bundle(TestModels.model(12), MODEL, "v2",
                    Map.of("XR_HAND", 0.5)), ModelStatus.CURRENT);
            awaitServing("v2");
            sleep(1000);
            publishSignedWithAnotherKey(TestModels.bundle(TestModels.model(13), MODEL, "v3", Map.of("XR_HAND", 0.5)));
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(models().getList("refused.version"))
                    .contains("v3"));
            sleep(1000);
        } finally {
            streaming.set(false);
            feed.join();
        }

        List<ConsumerRecord<String, byte[]>> records = scores.awaitRecords(streamed.size(), TIMEOUT).getRecords();
        scores.stop();
        List<ScoreEvent> events = records.stream().map(r -> EventJson.fromBytes(r.value(), ScoreEvent.class)).toList();
        assertThat(events).extracting(e -> e.image().imageId()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(streamed);
        assertThat(events).extracting(ScoreEvent::modelVersion).contains("v1", "v2").doesNotContain("v3");
        Map<Integer, List<String>> versionsByPartition = new HashMap<>();
        records.forEach(r -> versionsByPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>())
                .add(EventJson.fromBytes(r.value(), ScoreEvent.class).modelVersion()));
        versionsByPartition.forEach((partition, versions) -> assertThat(String.join(",", versions))
                .as("versions in partition %d", partition).matches("(v1,)*v1(,v2)*|(v2,)*v2"));
        JsonPath served = models();
        assertThat(served.getString("loaded.find { it.key == '" + MODEL + "' }.version")).isEqualTo("v2");
        assertThat(served.getString("refused.find { it.version == 'v3' }.reason")).isEqualTo("invalid-artifact");

        TestModels.republish(companion, v1);
        awaitServing("v1");
        PreprocessedImage afterRollback = TestModels.image("study-rollback", BodyPart.XR_HAND, TestModels.SIZE, 7);
        TestModels.produce(companion, Topics.PREPROCESSED_IMAGES, "study-rollback", EventJson.toBytes(afterRollback));
        assertThat(EventJson.fromBytes(TopicRecords.await(companion, Topics.SCORES,
                CloudEventHeaders.ID, afterRollback.image().imageId(), 1).get(0).value(), ScoreEvent.class).modelVersion())
                .isEqualTo("v1");
    }

    @Test
    void refusesAManifestWithoutItsBundleAndRetiresAVersionOnATombstone() {
        String name = "fanogan/XR_FOREARM";
        ModelBundle bundle = TestModels.bundle(TestModels.model(21), name, "f1", Map.of("XR_FOREARM", 0.5));
        ModelManifest orphan = ModelManifests.announce(bundle.manifest(), ModelBundleWriter.write(bundle,
                TestModels.KEY), ModelStatus.CURRENT, Instant.now());
        TestModels.republish(companion, orphan);

        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(models().getString(
                "refused.find { it.topicKey == '" + name + "' }.reason")).isEqualTo("missing-artifact"));

        TestModels.publish(companion, TestModels.bundle(TestModels.model(22), name, "f2", Map.of("XR_FOREARM", 0.5)),
                ModelStatus.CURRENT);
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(models().getList("loaded.key"))
                .contains(name));
        TestModels.produce(companion, Topics.MODELS, name, null);
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(models().getList("loaded.key"))
                .doesNotContain(name));
    }

    private void publishSignedWithAnotherKey(ModelBundle bundle) {
        byte[] zip = ModelBundleWriter.write(bundle, "another-key-0123456789abcdef".getBytes());
        ModelManifest manifest = ModelManifests.announce(bundle.manifest(), zip, ModelStatus.CURRENT,
                Instant.now());
        TestModels.produce(companion, Topics.MODEL_ARTIFACTS, manifest.artifactKey(), zip);
        TestModels.republish(companion, manifest);
    }

    private static void awaitServing(String version) {
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> given().get("/api/v1/models").then().statusCode(200)
                .body("loaded.findAll { it.key == '" + MODEL + "' }.version", hasItem(version)));
    }

    private static JsonPath models() {
        return given().get("/api/v1/models").then().statusCode(200).extract().jsonPath();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
