package org.xray.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.xray.contracts.BodyPart;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.SchemaVersion;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.DeadLetter;
import org.xray.contracts.events.ImageMetadata;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.ScoreEvent;
import org.xray.contracts.events.ValidationRoc;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.Topics;
import org.xray.formats.GrayscalePng;
import org.xray.ingest.TestImages;
import org.xray.kafka.testkit.KafkaBrokerTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class DashboardResourceTest {

    private static final String API = "/api/v1/dashboard";
    private static final int SIZE = 8;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @TestHTTPResource("/")
    URL root;

    @Test
    void followsAnImageFromPreprocessingToItsScoreAndItsStudysAlert() {
        ImageMetadata image = image(BodyPart.XR_HAND);
        ScoreEvent score = score(image, 0.9, 0.5);
        AlertEvent alert = alert(score);

        JsonPath trace = resendUntil(image.imageId(), "SCORED", List.of(
                record(Topics.PREPROCESSED_IMAGES, image.studyId(), preprocessed(image)),
                record(Topics.SCORES, image.studyId(), score),
                record(Topics.ALERTS, image.studyId(), alert)), path -> path.getMap("alert") != null);

        assertThat(trace.getString("bodyPart")).isEqualTo("XR_HAND");
        assertThat(trace.getInt("preprocessed.width")).isEqualTo(SIZE);
        assertThat(decodePng(trace.getString("preprocessed.png")).getHeight()).isEqualTo(SIZE);
        assertThat(trace.getDouble("score.score")).isEqualTo(0.9);
        assertThat(trace.getDouble("score.threshold")).isEqualTo(0.5);
        assertThat(trace.getBoolean("score.anomalous")).isTrue();
        assertThat(trace.getString("score.heatmapPng")).isEqualTo(score.heatmapPng().orElseThrow());
        assertThat(trace.getString("score.reconstructionPng")).isEqualTo(score.reconstructionPng().orElseThrow());
        assertThat(trace.getString("alert.alertId")).isEqualTo(alert.alertId());
        assertThat(trace.getMap("rejection")).isNull();
    }

    @Test
    void showsWhyAnImageWasDeadLetteredAndCountsItOnce() {
        ImageMetadata image = image(BodyPart.XR_FINGER);
        long rejectedBefore = count("XR_FINGER", "rejected");
        DeadLetter reason = new DeadLetter(RejectionReason.NO_MODEL, "no model serves XR_FINGER",
                "scoring-service", Topics.PREPROCESSED_IMAGES, 0, 0, Instant.now());
        ProducerRecord<String, byte[]> deadLetter = record(Topics.deadLetter(Topics.PREPROCESSED_IMAGES),
                image.studyId(), preprocessed(image));
        reason.toHeaders().forEach((name, value) -> deadLetter.headers()
                .add(name, value.getBytes(StandardCharsets.UTF_8)));

        JsonPath trace = resendUntil(image.imageId(), "REJECTED", List.of(deadLetter), path -> true);
        produce(List.of(deadLetter));

        assertThat(trace.getString("rejection.reason")).isEqualTo("no-model");
        assertThat(trace.getString("rejection.topic")).isEqualTo(Topics.PREPROCESSED_IMAGES);
        assertThat(trace.getString("rejection.message")).contains("no model serves XR_FINGER");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> count("XR_FINGER", "rejected") == rejectedBefore + 1);
    }

    @Test
    void countsARedeliveredScoreOnce() {
        ImageMetadata image = image(BodyPart.XR_SHOULDER);
        long scoredBefore = count("XR_SHOULDER", "scored");
        ProducerRecord<String, byte[]> score = record(Topics.SCORES, image.studyId(), score(image, 0.1, 0.5));

        resendUntil(image.imageId(), "SCORED", List.of(score), path -> true);
        produce(List.of(score, score));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> count("XR_SHOULDER", "scored") == scoredBefore + 1);
        assertThat(count("XR_SHOULDER", "anomalous")).isZero();
    }

    @Test
    void streamsScoresAsServerSentEvents() throws Exception {
        ImageMetadata image = image(BodyPart.XR_ELBOW);
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + API.substring(1) + "/feed"))
                .header("Authorization", "Bearer test-token").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            CompletableFuture<List<String>> arrived = CompletableFuture.supplyAsync(() -> eventFor(lines,
                    image.imageId()));
            // The feed carries what happens after the page connects: send the score until it comes through.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                produce(List.of(record(Topics.SCORES, image.studyId(), score(image, 0.7, 0.5))));
                return arrived.isDone();
            });
            List<String> event = arrived.get();
            assertThat(event).contains("event:score");
            String data = event.stream().filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
            JsonPath item = JsonPath.from(data.substring("data:".length()));
            assertThat(item.getString("kind")).isEqualTo("score");
            assertThat(item.getString("bodyPart")).isEqualTo("XR_ELBOW");
            assertThat(item.getDouble("score")).isEqualTo(0.7);
        }
    }

    @Test
    void listsModelVersionsWithTheirRoles() {
        String name = "fanogan/XR_WRIST-" + UUID.randomUUID();
        ModelManifest v1 = manifest(name, "v1", ModelStatus.CURRENT, Instant.parse("2026-01-01T00:00:00Z"));
        ModelManifest v2 = manifest(name, "v2", ModelStatus.CURRENT, Instant.parse("2026-01-02T00:00:00Z"));
        ModelManifest v3 = manifest(name, "v3", ModelStatus.CHALLENGER, Instant.parse("2026-01-03T00:00:00Z"));
        produce(List.of(record(Topics.MODELS, v1.topicKey(), v1), record(Topics.MODELS, v2.topicKey(), v2),
                record(Topics.MODELS, v3.topicKey(), v3)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rolesOf(name))
                .containsExactly(Map.entry("v3", "CHALLENGER"), Map.entry("v2", "CURRENT"),
                        Map.entry("v1", "SUPERSEDED")));

        produce(List.of(new ProducerRecord<>(Topics.MODELS, v2.topicKey(), null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rolesOf(name))
                .containsExactly(Map.entry("v3", "CHALLENGER"), Map.entry("v2", "RETIRED"),
                        Map.entry("v1", "SUPERSEDED")));
        assertThat(authorized().get(API + "/models").jsonPath()
                .getDouble("find { it.name == '" + name + "' && it.version == 'v2' }.thresholds.XR_WRIST"))
                .isEqualTo(0.25);
        assertThat(authorized().get(API + "/models").jsonPath().getList(
                "find { it.name == '" + name + "' && it.version == 'v2' }.rocCurves.XR_WRIST.truePositiveRates",
                Double.class)).containsExactly(0.0, 0.8, 1.0);
    }

    @Test
    void rendersADicomOriginalAsAPngWithBoneBright() throws IOException {
        byte[] png = authorized().contentType("application/dicom").body(TestImages.dicom("dx-monochrome1-bone.dcm"))
                .when().post(API + "/previews")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();

        BufferedImage preview = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(Math.max(preview.getWidth(), preview.getHeight())).isLessThanOrEqualTo(512);
        assertThat(meanOfCentre(preview)).as("bone in the centre, bright after MONOCHROME1 inversion")
                .isGreaterThan(meanOfCorners(preview));
    }

    @Test
    void refusesToPreviewBytesThatAreNoImage() {
        authorized().body(TestImages.randomBytes(256, 3)).when().post(API + "/previews")
                .then().statusCode(415).body("type", containsString("unrecognized-format"));
    }

    @Test
    void refusesToPreviewMoreThanAnUploadMayCarry() {
        authorized().body(new byte[16 * 1024 * 1024 + 1]).when().post(API + "/previews")
                .then().statusCode(413).body("type", containsString("oversize"));
    }

    @Test
    void sendsPngBackToTheBrowserThatCanShowIt() {
        authorized().body(TestImages.png(4)).when().post(API + "/previews")
                .then().statusCode(415).body("detail", containsString("browsers show it as it is"));
    }

    @Test
    void requiresTheBearerToken() {
        given().when().get(API + "/summary").then().statusCode(401);
    }

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer test-token");
    }

    /** The view starts at the topics' end once its consumer is assigned: re-send (idempotent) until it shows. */
    private JsonPath resendUntil(String imageId, String stage, List<ProducerRecord<String, byte[]>> records,
                                 Predicate<JsonPath> complete) {
        JsonPath[] seen = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            produce(records);
            var response = authorized().get(API + "/images/" + imageId);
            if (response.statusCode() != 200) {
                return false;
            }
            seen[0] = response.jsonPath();
            return stage.equals(seen[0].getString("stage")) && complete.test(seen[0]);
        });
        return seen[0];
    }

    private static long count(String part, String field) {
        Object value = authorized().get(API + "/summary").jsonPath().get("countsByBodyPart." + part + "." + field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static List<Map.Entry<String, String>> rolesOf(String name) {
        List<Map<String, Object>> versions = authorized().get(API + "/models").jsonPath().getList("");
        List<Map.Entry<String, String>> roles = new ArrayList<>();
        versions.stream().filter(v -> name.equals(v.get("name")))
                .forEach(v -> roles.add(Map.entry((String) v.get("version"), (String) v.get("status"))));
        return roles;
    }

    private static List<String> eventFor(BufferedReader lines, String imageId) {
        try {
            List<String> event = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty()) {
                    event.add(line);
                } else if (event.stream().anyMatch(l -> l.contains(imageId))) {
                    return event;
                } else {
                    event.clear();
                }
            }
            throw new IllegalStateException("the feed ended before the score of " + imageId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void produce(List<ProducerRecord<String, byte[]>> records) {
        companion.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(records)
                .awaitCompletion(Duration.ofSeconds(30));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Object event) {
        return new ProducerRecord<>(topic, null, key, EventJson.toBytes(event), new RecordHeaders());
    }

    private static ImageMetadata image(BodyPart part) {
        String id = UUID.randomUUID().toString();
        return new ImageMetadata("img-" + id, "study-" + id, part, "pk-1", "ingest/http", Instant.now(), "trace-" + id);
    }

    private static PreprocessedImage preprocessed(ImageMetadata image) {
        byte[] pixels = new byte[SIZE * SIZE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 4);
        }
        return new PreprocessedImage(SchemaVersion.CURRENT, image, ImageFormat.PNG, SIZE, SIZE,
                Base64.getEncoder().encodeToString(pixels), Optional.empty(), List.of(), Instant.now());
    }

    private static ScoreEvent score(ImageMetadata image, double score, double threshold) {
        String png = Base64.getEncoder().encodeToString(GrayscalePng.encode(new byte[SIZE * SIZE], SIZE, SIZE));
        return new ScoreEvent(SchemaVersion.CURRENT, image, "fanogan/" + image.bodyPart(), "v1", score / 2, score / 2,
                score, threshold, score >= threshold, score, 1, 5, Instant.now(), Optional.of(png), Optional.of(png));
    }

    private static AlertEvent alert(ScoreEvent score) {
        ImageMetadata image = score.image();
        return new AlertEvent(SchemaVersion.CURRENT, AlertEvent.alertId(image.studyId(), score.modelName(),
                score.modelVersion()), image.studyId(), image.bodyPart(), image.patientKey(), score.modelName(),
                score.modelVersion(), score.studyScore(), score.threshold(), 1, image.imageId(), 1, image.traceId(),
                Instant.now());
    }

    private static ModelManifest manifest(String name, String version, ModelStatus status, Instant publishedAt) {
        return new ModelManifest(SchemaVersion.CURRENT, name, version, "fanogan", 64, status,
                ModelManifest.artifactKey(name, version), "0".repeat(64), 1000, Map.of("XR_WRIST", 0.25),
                Map.of("XR_WRIST.rocAuc", 0.8), publishedAt, publishedAt,
                Optional.of(Map.of("XR_WRIST", new ValidationRoc(List.of(0.0, 0.3, 1.0), List.of(0.0, 0.8, 1.0)))));
    }

    private static BufferedImage decodePng(String base64) {
        try {
            return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double meanOfCentre(BufferedImage image) {
        return mean(image, image.getWidth() / 3, image.getHeight() / 3, image.getWidth() / 3, image.getHeight() / 3);
    }

    private static double meanOfCorners(BufferedImage image) {
        int w = image.getWidth() / 8;
        int h = image.getHeight() / 8;
        return (mean(image, 0, 0, w, h) + mean(image, image.getWidth() - w, 0, w, h)
                + mean(image, 0, image.getHeight() - h, w, h)
                + mean(image, image.getWidth() - w, image.getHeight() - h, w, h)) / 4;
    }

    private static double mean(BufferedImage image, int x0, int y0, int width, int height) {
        double sum = 0;
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                sum += image.getRaster().getSample(x, y, 0);
            }
        }
        return sum / (width * height);
    }
}
