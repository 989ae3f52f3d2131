package org.xray.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.Topics;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.ingest.TestImages;
import org.xray.kafka.testkit.KafkaBrokerTestResource;
import org.xray.kafka.testkit.TopicRecords;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class PacsBridgeTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.PACS_IMAGES);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    /** A PACS record in CloudEvents binary mode; {@code eventId} lets a test find what became of it. */
    private static ProducerRecord<String, byte[]> pacsRecord(String key, byte[] payload, String eventId,
                                                             boolean withCloudEvents) {
        RecordHeaders headers = new RecordHeaders();
        if (withCloudEvents) {
            headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
            headers.add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
            headers.add(CloudEventHeaders.SOURCE, "/pacs/orthanc-1".getBytes(StandardCharsets.UTF_8));
            headers.add(CloudEventHeaders.TYPE, "org.dicom.instance.stored".getBytes(StandardCharsets.UTF_8));
        }
        headers.add("test-event-id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add(PacsBridge.PATIENT_ID_HEADER, "MRN-PACS-5".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(Topics.PACS_IMAGES, null, key, payload, headers);
    }

    private void produce(List<ProducerRecord<String, byte[]>> records) {
        companion.produce(Serdes.String(), Serdes.ByteArray())
                .fromRecords(records)
                .awaitCompletion(Duration.ofSeconds(30));
    }

    @Test
    void bridgesDicomFromThePacsTopicWithoutPatientIdentifiers() {
        TestImages.DicomCopy dicom = TestImages.uniqueDicom("cr-explicit-le.dcm", TestImages.CR_SOP_UID);
        produce(List.of(pacsRecord("pacs-key", dicom.bytes(), UUID.randomUUID().toString(), true)));

        ConsumerRecord<String, byte[]> raw = TopicRecords
                .await(companion, Topics.RAW_IMAGES, XrayHeaders.IMAGE_ID, dicom.sopInstanceUid(), 1).get(0);
        assertThat(raw.key()).isEqualTo(TestImages.CR_STUDY_UID);
        assertThat(TopicRecords.header(raw, XrayHeaders.SOURCE)).contains("ingest/pacs-bridge");
        assertThat(new String(raw.value(), StandardCharsets.ISO_8859_1)).doesNotContain("DOE^JANE", "PAT-12345");
        raw.headers().forEach(header -> assertThat(new String(header.value(), StandardCharsets.UTF_8))
                .as(header.key()).doesNotContain("MRN-PACS-5", "PAT-12345", "DOE^JANE"));
        assertThat(raw.headers().lastHeader(PacsBridge.PATIENT_ID_HEADER)).isNull();
    }

    @Test
    void deadLettersCorruptRecordWithReasonAndKeepsBridgingGoodOnes() {
        String badEvent = UUID.randomUUID().toString();
        byte[] badPayload = TestImages.randomBytes(1024, 42);
        TestImages.DicomCopy good = TestImages.uniqueDicom("dx-implicit-le.dcm", TestImages.DX_SOP_UID);
        produce(List.of(
                pacsRecord("study-bad", badPayload, badEvent, true),
                pacsRecord("study-good", good.bytes(), UUID.randomUUID().toString(), true)));

        ConsumerRecord<String, byte[]> dead = TopicRecords
                .await(companion, DEAD_LETTERS, "test-event-id", badEvent, 1).get(0);
        assertThat(dead.key()).isEqualTo("study-bad");
        assertThat(dead.value()).isEqualTo(badPayload);
        assertThat(TopicRecords.header(dead, XrayHeaders.ERROR_REASON)).contains("unrecognized-format");
        assertThat(TopicRecords.header(dead, XrayHeaders.ERROR_MESSAGE)).isPresent();
        assertThat(TopicRecords.header(dead, XrayHeaders.ERROR_TOPIC)).contains(Topics.PACS_IMAGES);
        assertThat(TopicRecords.header(dead, XrayHeaders.ERROR_SERVICE)).contains("ingest-service");
        assertThat(TopicRecords.header(dead, CloudEventHeaders.ID)).contains(badEvent);

        TopicRecords.await(companion, Topics.RAW_IMAGES, XrayHeaders.IMAGE_ID, good.sopInstanceUid(), 1);
    }

    @Test
    void deadLettersEachUnsupportedDicom() {
        String jpeg = UUID.randomUUID().toString();
        String nonImage = UUID.randomUUID().toString();
        String wrongModality = UUID.randomUUID().toString();
        String empty = UUID.randomUUID().toString();
        produce(List.of(
                pacsRecord("s1", TestImages.dicom("jpeg-baseline.dcm"), jpeg, true),
                pacsRecord("s2", TestImages.dicom("non-image.dcm"), nonImage, true),
                pacsRecord("s3", TestImages.dicom("mr-explicit-le.dcm"), wrongModality, true),
                pacsRecord("s4", new byte[0], empty, true)));

        assertDeadLettered(jpeg, "unsupported-transfer-syntax");
        assertDeadLettered(nonImage, "not-an-image");
        assertDeadLettered(wrongModality, "unsupported-modality");
        assertDeadLettered(empty, "empty");
    }

    @Test
    void deadLettersRecordWithoutCloudEventsHeaders() {
        String event = UUID.randomUUID().toString();
        produce(List.of(pacsRecord("s5", TestImages.png(1), event, false)));

        ConsumerRecord<String, byte[]> dead = assertDeadLettered(event, "invalid-metadata");
        assertThat(TopicRecords.header(dead, XrayHeaders.ERROR_MESSAGE)).hasValueSatisfying(
                message -> assertThat(message).contains("ce_specversion"));
    }

    private ConsumerRecord<String, byte[]> assertDeadLettered(String eventId, String reason) {
        ConsumerRecord<String, byte[]> dead = TopicRecords.await(companion, DEAD_LETTERS, "test-event-id", eventId, 1)
                .get(0);
        assertThat(TopicRecords.header(dead, XrayHeaders.ERROR_REASON)).contains(reason);
        return dead;
    }
}
