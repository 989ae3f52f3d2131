package org.xray.preprocess.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.xray.contracts.BodyPart;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.SchemaVersion;
import org.xray.contracts.events.ImageMetadata;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.RawImageHeaders;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.Topics;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.kafka.testkit.KafkaBrokerTestResource;
import org.xray.kafka.testkit.TopicRecords;
import org.xray.messaging.KafkaHeaderMaps;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class RawImageConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void publishesPreprocessedImageKeyedByStudyWithItsMetadata() {
        RawImageHeaders headers = rawHeaders("study-pre-1", ImageFormat.PNG, Optional.empty());
        produce(headers, radiographPng());

        ConsumerRecord<String, byte[]> record = awaitOne(Topics.PREPROCESSED_IMAGES, headers.image().imageId());
        PreprocessedImage event = EventJson.fromBytes(record.value(), PreprocessedImage.class);

        assertThat(record.key()).isEqualTo("study-pre-1");
        assertThat(event.image()).isEqualTo(headers.image());
        assertThat(event.sourceFormat()).isEqualTo(ImageFormat.PNG);
        assertThat(event.width()).isEqualTo(64);
        assertThat(event.height()).isEqualTo(64);
        assertThat(event.pixelBytes()).hasSize(64 * 64);
        assertThat(event.maskBytes()).hasValueSatisfying(mask -> assertThat(mask).hasSize(64 * 64));
        assertThat(event.preprocessing()).extracting(step -> step.name()).contains("frame");
        assertThat(KafkaHeaderMaps.lastValue(record.headers(), CloudEventHeaders.TYPE))
                .contains("org.xray.image.preprocessed.v1");
        assertThat(KafkaHeaderMaps.lastValue(record.headers(), CloudEventHeaders.CONTENT_TYPE))
                .contains("application/json");
    }

    @Test
    void preprocessesDeidentifiedDicom() throws IOException {
        byte[] dicom = Files.readAllBytes(Path.of(System.getProperty("xray.testdata"), "dicom", "dx-implicit-le.dcm"));
        RawImageHeaders headers = rawHeaders("study-pre-2", ImageFormat.DICOM, Optional.of("DX"));
        produce(headers, dicom);

        PreprocessedImage event = EventJson.fromBytes(
                awaitOne(Topics.PREPROCESSED_IMAGES, headers.image().imageId()).value(), PreprocessedImage.class);

        assertThat(event.sourceFormat()).isEqualTo(ImageFormat.DICOM);
        assertThat(event.preprocessing()).extracting(step -> step.name()).contains("invert-monochrome1");
    }

    @Test
    void deadLettersCorruptImageAndKeepsProcessingTheNextOne() {
        RawImageHeaders bad = rawHeaders("study-pre-3", ImageFormat.PNG, Optional.empty());
        byte[] png = radiographPng();
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        RawImageHeaders good = rawHeaders("study-pre-3", ImageFormat.PNG, Optional.empty());
        produce(bad, truncated);
        produce(good, png);

        ConsumerRecord<String, byte[]> dead = awaitOne(Topics.deadLetter(Topics.RAW_IMAGES), bad.image().imageId());
        assertThat(dead.value()).isEqualTo(truncated);
        assertThat(KafkaHeaderMaps.lastValue(dead.headers(), XrayHeaders.ERROR_REASON)).contains("corrupt");
        assertThat(KafkaHeaderMaps.lastValue(dead.headers(), XrayHeaders.ERROR_SERVICE)).contains("preprocess-service");
        awaitOne(Topics.PREPROCESSED_IMAGES, good.image().imageId());

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("xray_preprocess_images_rejected_total{reason=\"corrupt\"}"))
                .body(containsString("xray_preprocess_stage_seconds_count{stage=\"frame\"}"))
                .body(containsString("xray_preprocess_images_published_total"));
    }

    @Test
    void deadLettersEmptyPayload() {
        RawImageHeaders empty = rawHeaders("study-pre-5", ImageFormat.PNG, Optional.empty());
        produce(empty, new byte[0]);

        ConsumerRecord<String, byte[]> dead = awaitOne(Topics.deadLetter(Topics.RAW_IMAGES), empty.image().imageId());
        assertThat(KafkaHeaderMaps.lastValue(dead.headers(), XrayHeaders.ERROR_REASON)).contains("empty");
    }

    @Test
    void keepsTheOrderOfAStudysImages() {
        List<RawImageHeaders> study = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> rawHeaders("study-pre-ordered", ImageFormat.PNG, Optional.empty())).toList();
        study.forEach(headers -> produce(headers, radiographPng()));

        Set<String> ids = study.stream().map(h -> h.image().imageId()).collect(java.util.stream.Collectors.toSet());
        ConsumerTask<String, byte[]> task = companion
                .<String, byte[]>consumeWithDeserializers(new StringDeserializer(), new ByteArrayDeserializer())
                .fromTopics(Set.of(Topics.PREPROCESSED_IMAGES),
                        records -> records.filter(r -> ids.contains(headerValue(r, CloudEventHeaders.ID))));
        try {
            List<String> published = task.awaitRecords(6, TIMEOUT).getRecords().stream()
                    .map(r -> headerValue(r, CloudEventHeaders.ID)).toList();
            assertThat(published).containsExactlyElementsOf(study.stream().map(h -> h.image().imageId()).toList());
        } finally {
            task.stop();
        }
    }

    @Test
    void deadLettersRecordWithoutMetadataHeaders() {
        String marker = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW_IMAGES, "study-pre-4", radiographPng());
        record.headers().add("test-marker", marker.getBytes(StandardCharsets.UTF_8));
        companion.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(List.of(record)).awaitCompletion(TIMEOUT);

        ConsumerRecord<String, byte[]> dead = awaitOne(Topics.deadLetter(Topics.RAW_IMAGES), "test-marker", marker);
        assertThat(KafkaHeaderMaps.lastValue(dead.headers(), XrayHeaders.ERROR_REASON)).contains("invalid-metadata");
        assertThat(KafkaHeaderMaps.lastValue(dead.headers(), XrayHeaders.ERROR_MESSAGE)).hasValueSatisfying(
                message -> assertThat(message).contains(XrayHeaders.SCHEMA_VERSION));
    }

    private static RawImageHeaders rawHeaders(String studyId, ImageFormat format, Optional<String> modality) {
        ImageMetadata image = new ImageMetadata(UUID.randomUUID().toString(), studyId, BodyPart.XR_HAND,
                "pk-0123456789abcdef0123456789abcdef", "test", Instant.parse("2026-01-02T03:04:05Z"),
                "4bf92f3577b34da6a3ce929d0e0e4736");
        return new RawImageHeaders(SchemaVersion.CURRENT, image, format, modality);
    }

    private void produce(RawImageHeaders headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW_IMAGES, null,
                headers.image().studyId(), value, KafkaHeaderMaps.toKafka(headers.toHeaders()));
        companion.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(List.of(record)).awaitCompletion(TIMEOUT);
    }

    private ConsumerRecord<String, byte[]> awaitOne(String topic, String imageId) {
        return awaitOne(topic, CloudEventHeaders.ID, imageId);
    }

    private ConsumerRecord<String, byte[]> awaitOne(String topic, String header, String value) {
        return TopicRecords.await(companion, topic, header, value, 1).get(0);
    }

    private static String headerValue(ConsumerRecord<?, ?> record, String name) {
        return TopicRecords.header(record, name).orElse("");
    }

    /** A bright, bone-like shape on soft tissue inside a dark frame: something the cropper can find. */
    private static byte[] radiographPng() {
        BufferedImage image = new BufferedImage(200, 160, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(40, 20, 120, 120);
        g.setColor(new Color(220, 220, 220));
        g.fillOval(80, 30, 40, 100);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
