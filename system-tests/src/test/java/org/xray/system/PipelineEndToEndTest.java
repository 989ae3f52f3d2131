package org.xray.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ScoreEvent;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.Topics;

/**
 * The scoring path end to end on the real broker, with the built services as processes: an image posted to ingest
 * comes back as its score event on {@code xray.scores}, scored by the published hand model, and an abnormal one as
 * its study's alert on {@code xray.alerts}.
 */
class PipelineEndToEndTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
    /** How long a study whose score event arrived is watched for an alert that must not come. */
    private static final Duration NO_ALERT_WATCH = Duration.ofSeconds(3);

    private static RunningSystem system;
    private final HttpClient http = HttpClient.newHttpClient();
    private TopicEvents<ScoreEvent> scores;
    private TopicEvents<AlertEvent> alerts;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @BeforeEach
    void readTopics() {
        scores = TopicEvents.read(system.bootstrapServers(), Topics.SCORES, ScoreEvent.class);
        alerts = TopicEvents.read(system.bootstrapServers(), Topics.ALERTS, AlertEvent.class);
    }

    @AfterEach
    void closeTopics() {
        scores.close();
        alerts.close();
    }

    @Test
    void abnormalHandIsScoredAboveItsThresholdAndRaisesItsStudyAlert() throws Exception {
        String studyId = newStudyId();
        String imageId = upload(system.abnormalHandPng(), studyId, "PAT-ABNORMAL-1");

        ScoreEvent score = scores.await(event -> event.image().imageId().equals(imageId), EVENT_TIMEOUT,
                "score event for image " + imageId);
        assertThat(score.image().studyId()).isEqualTo(studyId);
        assertThat(score.image().bodyPart()).isEqualTo(BodyPart.XR_HAND);
        assertThat(score.image().patientKey()).startsWith("pk-").doesNotContain("PAT-ABNORMAL-1");
        assertThat(score.modelName()).isEqualTo(system.handModel().name());
        assertThat(score.modelVersion()).isEqualTo(system.handModel().version());
        assertThat(score.threshold()).isEqualTo(system.handThreshold());
        assertThat(score.score()).isGreaterThan(score.threshold());
        assertThat(score.anomalous()).isTrue();
        assertThat(score.heatmapPng()).isPresent();
        BufferedImage heatmap = png(score.heatmapPng().get());
        assertThat(heatmap.getWidth()).isEqualTo(system.handModel().imageSize());
        assertThat(heatmap.getHeight()).isEqualTo(system.handModel().imageSize());

        String alertId = AlertEvent.alertId(studyId, score.modelName(), score.modelVersion());
        AlertEvent alert = alerts.await(event -> event.alertId().equals(alertId), EVENT_TIMEOUT,
                "alert " + alertId);
        assertThat(alert.studyId()).isEqualTo(studyId);
        assertThat(alert.bodyPart()).isEqualTo(BodyPart.XR_HAND);
        assertThat(alert.triggeringImageId()).isEqualTo(imageId);
        assertThat(alert.revision()).isEqualTo(1);
        assertThat(alert.studyScore()).isEqualTo(score.score());
        assertThat(alert.threshold()).isEqualTo(score.threshold());
        assertThat(alert.patientKey()).isEqualTo(score.image().patientKey());
    }

    @Test
    void abnormalHandAsDicomIsScoredInTheStudyOfItsTags() throws Exception {
        byte[] dicom = Files.readAllBytes(system.newAbnormalHandDicomFile());
        HttpResponse<String> response = post(dicom, Optional.empty(), "PAT-DICOM-1");
        assertThat(response.statusCode()).as("upload answer: %s", response.body()).isEqualTo(202);
        JsonNode accepted = EventJson.mapper().readTree(response.body());
        assertThat(accepted.path("format").asText()).isEqualTo("DICOM");
        assertThat(accepted.path("bodyPart").asText()).isEqualTo("XR_HAND");
        String imageId = accepted.path("imageId").asText();
        String studyId = accepted.path("studyId").asText();

        ScoreEvent score = scores.await(event -> event.image().imageId().equals(imageId), EVENT_TIMEOUT,
                "score event for DICOM image " + imageId);
        assertThat(score.image().studyId()).isEqualTo(studyId);
        assertThat(score.modelVersion()).isEqualTo(system.handModel().version());
        assertThat(score.score()).isGreaterThan(score.threshold());
        String alertId = AlertEvent.alertId(studyId, score.modelName(), score.modelVersion());
        assertThat(alerts.await(event -> event.alertId().equals(alertId), EVENT_TIMEOUT, "alert " + alertId)
                .triggeringImageId()).isEqualTo(imageId);
    }

    @Test
    void normalHandInItsOwnStudyIsScoredBelowItsThresholdWithoutAlert() throws Exception {
        String studyId = newStudyId();
        String imageId = upload(system.normalHandPng(), studyId, "PAT-NORMAL-1");

        ScoreEvent score = scores.await(event -> event.image().imageId().equals(imageId), EVENT_TIMEOUT,
                "score event for image " + imageId);
        assertThat(score.modelVersion()).isEqualTo(system.handModel().version());
        assertThat(score.score()).isLessThan(score.threshold());
        assertThat(score.anomalous()).isFalse();
        assertThat(score.studyScore()).isEqualTo(score.score());
        assertThat(score.heatmapPng()).isPresent();
        // The scorer publishes a batch's alerts with its score events, so any alert would be there by now.
        assertThat(alerts.allAfter(NO_ALERT_WATCH, alert -> alert.studyId().equals(studyId))).isEmpty();
    }

    @Test
    void corruptUploadIsRefusedAndTheNextImageIsStillScored() throws Exception {
        byte[] png = system.normalHandPng();
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        HttpResponse<String> refused = post(truncated, Optional.of(newStudyId()), "PAT-CORRUPT-1");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(EventJson.mapper().readTree(refused.body()).path("type").asText()).endsWith("corrupt");

        String imageId = upload(png, newStudyId(), "PAT-CORRUPT-1");
        ScoreEvent score = scores.await(event -> event.image().imageId().equals(imageId), EVENT_TIMEOUT,
                "score event for image " + imageId);
        assertThat(score.modelVersion()).isEqualTo(system.handModel().version());
    }

    /** Posts a hand image as a PACS client would; returns the image id ingest gave it. */
    private String upload(byte[] image, String studyId, String patientId) throws Exception {
        HttpResponse<String> response = post(image, Optional.of(studyId), patientId);
        assertThat(response.statusCode()).as("upload answer: %s", response.body()).isEqualTo(202);
        JsonNode accepted = EventJson.mapper().readTree(response.body());
        assertThat(accepted.path("studyId").asText()).isEqualTo(studyId);
        return accepted.path("imageId").asText();
    }

    /** A PNG is sent with its study and body part; a DICOM file has them in its tags. */
    private HttpResponse<String> post(byte[] image, Optional<String> studyId, String patientId) throws Exception {
        URI uri = system.ingestUrl().resolve(studyId.map(id -> "/api/v1/images?bodyPart=XR_HAND&studyId="
                + URLEncoder.encode(id, StandardCharsets.UTF_8)).orElse("/api/v1/images"));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + system.apiToken())
                .header("X-Patient-Id", patientId)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String newStudyId() {
        return "e2e-" + UUID.randomUUID();
    }

    private static BufferedImage png(String base64) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertThat(image).as("heat map decodes as an image").isNotNull();
        return image;
    }
}
