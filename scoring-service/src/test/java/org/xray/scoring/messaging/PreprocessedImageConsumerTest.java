package org.xray.scoring.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.data.Percentage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xray.anomaly.scoring.TrainedModel;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.contracts.events.ScoreEvent;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.Topics;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessingRecord;
import org.xray.kafka.testkit.KafkaBrokerTestResource;
import org.xray.kafka.testkit.TopicRecords;
import org.xray.scoring.TestModels;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class PreprocessedImageConsumerTest {

    // Every wrist image passes threshold 0; no elbow image passes 1e9. No model serves fingers.
    private static final String WRIST_MODEL = "fanogan/XR_WRIST";
    private static final String ELBOW_MODEL = "fanogan/XR_ELBOW";
    // The test profile shadow-scores: shoulders have a current version and a challenger.
    private static final String SHOULDER_MODEL = "fanogan/XR_SHOULDER";
    private static boolean published;
    private static TrainedModel wristModel;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @BeforeEach
    void publishModelsOnce() {
        if (!published) {
            wristModel = TestModels.model(1);
            TestModels.publish(companion, TestModels.bundle(wristModel, WRIST_MODEL, "w1",
                    Map.of("XR_WRIST", 0.0)), ModelStatus.CURRENT);
            TestModels.publish(companion, TestModels.bundle(TestModels.model(2), ELBOW_MODEL, "e1",
                    Map.of("XR_ELBOW", 1e9)), ModelStatus.CURRENT);
            TestModels.publish(companion, TestModels.bundle(TestModels.model(3), SHOULDER_MODEL, "s1",
                    Map.of("XR_SHOULDER", 0.0)), ModelStatus.CURRENT);
            TestModels.publish(companion, TestModels.bundle(TestModels.model(4), SHOULDER_MODEL, "s2",
                    Map.of("XR_SHOULDER", 1e9)), ModelStatus.CHALLENGER);
            published = true;
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/models").then()
                .statusCode(200).body("loaded.key", hasItem(WRIST_MODEL)).body("loaded.key", hasItem(ELBOW_MODEL))
                .body("loaded.key", hasItem(SHOULDER_MODEL + "#challenger")));
    }

    @Test
    void scoresEachImageWithTheModelOfItsBodyPartAndAHeatMap() {
        PreprocessedImage image = TestModels.image("study-score-1", BodyPart.XR_WRIST, TestModels.SIZE, 10);
        produce(image);

        ConsumerRecord<String, byte[]> record = TopicRecords.await(companion, Topics.SCORES, CloudEventHeaders.ID,
                image.image().imageId(), 1).get(0);
        ScoreEvent event = EventJson.fromBytes(record.value(), ScoreEvent.class);

        assertThat(record.key()).isEqualTo("study-score-1");
        assertThat(event.image()).isEqualTo(image.image());
        assertThat(event.modelName()).isEqualTo(WRIST_MODEL);
        assertThat(event.modelVersion()).isEqualTo("w1");
        double expected = wristModel.score(List.of(new GrayImage(TestModels.SIZE, TestModels.SIZE,
                image.pixelBytes()))).get(0).score();
        assertThat(event.score()).isCloseTo(expected, Percentage.withPercentage(1e-3));
        assertThat(event.threshold()).isZero();
        assertThat(event.anomalous()).isTrue();
        assertThat(event.studyScore()).isEqualTo(event.score());
        assertThat(event.studyImageCount()).isEqualTo(1);
        assertThat(event.heatmapPng()).hasValueSatisfying(png -> assertThat(Base64.getDecoder().decode(png))
                .startsWith(0x89, 'P', 'N', 'G'));
        assertThat(event.reconstructionPng()).hasValueSatisfying(png -> assertThat(Base64.getDecoder().decode(png))
                .startsWith(0x89, 'P', 'N', 'G'));
        assertThat(TopicRecords.header(record, CloudEventHeaders.TYPE)).contains("org.xray.score.v1");
    }

    @Test
    void raisesOneAlertPerStudyRevisedOnlyWhenTheStudyScoreRisesAndNotAgainOnRedelivery() {
        String study = "study-alert-1";
        List<PreprocessedImage> images = List.of(TestModels.image(study, BodyPart.XR_WRIST, TestModels.SIZE, 21),
                TestModels.image(study, BodyPart.XR_WRIST, TestModels.SIZE, 22),
                TestModels.image(study, BodyPart.XR_WRIST, TestModels.SIZE, 23));
        images.forEach(this::produce);

        List<ScoreEvent> scores = awaitScores(study, 3);
        int rises = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (ScoreEvent score : scores) {
            assertThat(score.studyScore()).isEqualTo(Math.max(max, score.score()));
            rises += score.score() > max ? 1 : 0;
            max = Math.max(max, score.score());
        }
        assertThat(scores).extracting(ScoreEvent::studyImageCount).containsExactly(1, 2, 3);
        List<AlertEvent> alerts = awaitAlerts(study, rises);
        assertThat(alerts).extracting(AlertEvent::alertId).containsOnly(study + "@" + WRIST_MODEL + "@w1");
        assertThat(alerts).extracting(AlertEvent::revision).containsExactlyElementsOf(
                IntStream.rangeClosed(1, rises).boxed().toList());
        assertThat(alerts.get(alerts.size() - 1).studyScore()).isEqualTo(max);

        images.forEach(this::produce);

        assertThat(awaitScores(study, 6).subList(3, 6)).extracting(ScoreEvent::studyImageCount)
                .containsOnly(3);
        assertThat(awaitAlerts(study, rises)).hasSize(rises);
    }

    @Test
    void raisesNoAlertForAStudyBelowItsThreshold() {
        String study = "study-normal-1";
        PreprocessedImage image = TestModels.image(study, BodyPart.XR_ELBOW, TestModels.SIZE, 31);
        produce(image);

        ScoreEvent score = awaitScores(study, 1).get(0);

        assertThat(score.modelName()).isEqualTo(ELBOW_MODEL);
        assertThat(score.anomalous()).isFalse();
        assertThat(awaitAlerts(study, 0)).isEmpty();
    }

    @Test
    void deadLettersPoisonRecordsAndScoresTheGoodOnesAroundThem() {
        String study = "study-poison-1";
        PreprocessedImage before = TestModels.image(study, BodyPart.XR_WRIST, TestModels.SIZE, 41);
        PreprocessedImage wrongSize = TestModels.image(study, BodyPart.XR_WRIST, 32, 42);
        PreprocessedImage noModel = TestModels.image(study, BodyPart.XR_FINGER, TestModels.SIZE, 43);
        // Framed canonically, while the wrist model's bundle records no framing (an older trainer's).
        PreprocessedImage otherPreprocessing = TestModels.image(study, BodyPart.XR_WRIST, TestModels.SIZE, 46,
                List.of(new PreprocessingStep(PreprocessingRecord.STEP, Map.of("size", "16", "framing", "CANONICAL",
                        "equalization", "HISTOGRAM"))));
        PreprocessedImage badPixels = TestModels.image(study, BodyPart.XR_WRIST, TestModels.SIZE, 45);
        PreprocessedImage after = TestModels.image(study, BodyPart.XR_WRIST, TestModels.SIZE, 44);
        produce(before);
        TestModels.produce(companion, Topics.PREPROCESSED_IMAGES, study,
                "{not json".getBytes(StandardCharsets.UTF_8));
        produce(wrongSize);
        produce(noModel);
        produce(otherPreprocessing);
        // The right length, so the record parses, but not base64: only decoding the pixels finds it.
        TestModels.produce(companion, Topics.PREPROCESSED_IMAGES, study, new String(EventJson.toBytes(badPixels),
                StandardCharsets.UTF_8).replace(badPixels.pixels(), "!".repeat(badPixels.pixels().length()))
                .getBytes(StandardCharsets.UTF_8));
        produce(after);

        assertThat(awaitScores(study, 2)).extracting(s -> s.image().imageId())
                .containsExactly(before.image().imageId(), after.image().imageId());
        List<ConsumerRecord<String, byte[]>> dead = TopicRecords.await(companion,
                Topics.deadLetter(Topics.PREPROCESSED_IMAGES), XrayHeaders.ERROR_SERVICE, "scoring-service", 5)
                .stream().filter(r -> study.equals(r.key())).toList();
        assertThat(dead).extracting(r -> TopicRecords.header(r, XrayHeaders.ERROR_REASON).orElse(""))
                .containsExactly("invalid-event", "image-size-mismatch", "no-model", "preprocessing-mismatch",
                        "invalid-event");
        assertThat(TopicRecords.header(dead.get(1), XrayHeaders.ERROR_MESSAGE)).hasValueSatisfying(
                message -> assertThat(message).contains("32x32", "takes 16x16"));
        assertThat(TopicRecords.header(dead.get(2), XrayHeaders.ERROR_MESSAGE)).hasValueSatisfying(
                message -> assertThat(message).contains("no model serves XR_FINGER"));
        assertThat(TopicRecords.header(dead.get(3), XrayHeaders.ERROR_MESSAGE)).hasValueSatisfying(
                message -> assertThat(message).contains("fanogan/XR_WRIST", "framing: image CANONICAL, model none"));
        assertThat(TopicRecords.header(dead.get(4), XrayHeaders.ERROR_MESSAGE)).hasValueSatisfying(
                message -> assertThat(message).contains("the pixels do not decode"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("xray_scoring_images_rejected_total{reason=\"no-model\"}"))
                .body(containsString("xray_scoring_images_scored_total{model=\"fanogan/XR_WRIST\"}"));
    }

    @Test
    void shadowScoresWithTheChallengerWithoutAlertingFromIt() {
        String study = "study-shadow-1";
        PreprocessedImage image = TestModels.image(study, BodyPart.XR_SHOULDER, TestModels.SIZE, 51);
        produce(image);

        ScoreEvent current = awaitScores(study, 1).get(0);
        ScoreEvent shadow = EventJson.fromBytes(TopicRecords.await(companion, Topics.SHADOW_SCORES,
                CloudEventHeaders.SUBJECT, study, 1).get(0).value(), ScoreEvent.class);

        assertThat(current.modelVersion()).isEqualTo("s1");
        assertThat(shadow.modelVersion()).isEqualTo("s2");
        assertThat(shadow.image()).isEqualTo(image.image());
        assertThat(shadow.threshold()).isEqualTo(1e9);
        assertThat(shadow.score()).isNotEqualTo(current.score());
        assertThat(awaitAlerts(study, 1)).extracting(AlertEvent::modelVersion).containsExactly("s1");
    }

    private void produce(PreprocessedImage image) {
        TestModels.produce(companion, Topics.PREPROCESSED_IMAGES, image.image().studyId(), EventJson.toBytes(image));
    }

    private List<ScoreEvent> awaitScores(String study, int count) {
        return parse(TopicRecords.await(companion, Topics.SCORES, CloudEventHeaders.SUBJECT, study, count),
                ScoreEvent.class);
    }

    private List<AlertEvent> awaitAlerts(String study, int count) {
        return parse(TopicRecords.await(companion, Topics.ALERTS, CloudEventHeaders.SUBJECT, study, count),
                AlertEvent.class);
    }

    private static <T> List<T> parse(List<ConsumerRecord<String, byte[]>> records, Class<T> type) {
        List<T> events = new ArrayList<>(records.size());
        records.forEach(record -> events.add(EventJson.fromBytes(record.value(), type)));
        return events;
    }
}
