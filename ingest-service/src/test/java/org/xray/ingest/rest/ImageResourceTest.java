package org.xray.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.Topics;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.ingest.TestImages;
import org.xray.kafka.testkit.KafkaBrokerTestResource;
import org.xray.kafka.testkit.TopicRecords;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class ImageResourceTest {

    private static final String PATH = "/api/v1/images";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer test-token");
    }

    private ConsumerRecord<String, byte[]> publishedImage(String imageId) {
        List<ConsumerRecord<String, byte[]>> records =
                TopicRecords.await(companion, Topics.RAW_IMAGES, XrayHeaders.IMAGE_ID, imageId, 1);
        return records.get(0);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicRecords.header(record, name).orElseThrow(() -> new AssertionError("no header " + name));
    }

    @Test
    void publishesPngKeyedByStudyWithMetadataHeaders() {
        String imageId = authorized().contentType("application/octet-stream").body(TestImages.png(1))
                .queryParam("studyId", "study-png-1").queryParam("bodyPart", "hand").header("X-Patient-Id", "MRN-4711")
                .when().post(PATH)
                .then().statusCode(202)
                .body("studyId", equalTo("study-png-1")).body("bodyPart", equalTo("XR_HAND"))
                .body("format", equalTo("PNG")).body("duplicate", equalTo(false))
                .extract().path("imageId");

        ConsumerRecord<String, byte[]> record = publishedImage(imageId);
        assertThat(record.key()).isEqualTo("study-png-1");
        assertThat(header(record, XrayHeaders.BODY_PART)).isEqualTo("XR_HAND");
        assertThat(header(record, XrayHeaders.IMAGE_FORMAT)).isEqualTo("PNG");
        assertThat(header(record, XrayHeaders.SOURCE)).isEqualTo("ingest/http-upload");
        assertThat(header(record, XrayHeaders.PATIENT_KEY)).startsWith("pk-");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(imageId);
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("image/png");
        assertNoPatientIdentifier(record, "MRN-4711");
    }

    @Test
    void publishesJpegUploadedAsMultipartForm() {
        String imageId = authorized().multiPart("file", "wrist.png", TestImages.jpeg(2), "image/png")
                .multiPart("bodyPart", "XR_WRIST").multiPart("patientId", "MRN-FORM-9")
                .when().post(PATH)
                .then().statusCode(202).body("format", equalTo("JPEG"))
                .extract().path("imageId");

        ConsumerRecord<String, byte[]> record = publishedImage(imageId);
        assertThat(header(record, XrayHeaders.IMAGE_FORMAT)).as("sniffed, not taken from the file name")
                .isEqualTo("JPEG");
        assertThat(header(record, XrayHeaders.BODY_PART)).isEqualTo("XR_WRIST");
        assertThat(header(record, XrayHeaders.PATIENT_KEY)).startsWith("pk-");
        assertNoPatientIdentifier(record, "MRN-FORM-9");
    }

    @Test
    void imageWithoutPatientIdGetsTheUnknownPatientKey() {
        String imageId = authorized().body(TestImages.png(12)).when().post(PATH)
                .then().statusCode(202).extract().path("imageId");

        assertThat(header(publishedImage(imageId), XrayHeaders.PATIENT_KEY)).isEqualTo("unknown");
    }

    @Test
    void takesDicomMetadataFromTagsAndRemovesPatientIdentifiers() {
        TestImages.DicomCopy dicom = TestImages.uniqueDicom("cr-explicit-le.dcm", TestImages.CR_SOP_UID);

        authorized().contentType("application/dicom").body(dicom.bytes())
                .queryParam("studyId", "ignored-for-dicom").queryParam("bodyPart", "XR_ELBOW")
                .when().post(PATH)
                .then().statusCode(202)
                .body("imageId", equalTo(dicom.sopInstanceUid()))
                .body("studyId", equalTo(TestImages.CR_STUDY_UID))
                .body("bodyPart", equalTo("XR_HAND"));

        ConsumerRecord<String, byte[]> record = publishedImage(dicom.sopInstanceUid());
        assertThat(record.key()).isEqualTo(TestImages.CR_STUDY_UID);
        assertThat(header(record, XrayHeaders.MODALITY)).isEqualTo("CR");
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/dicom");
        assertNoPatientIdentifier(record, "DOE^JANE", "PAT-12345", "19800214", "WELBY^MARCUS");
        assertThat(new String(record.value(), StandardCharsets.ISO_8859_1))
                .contains(header(record, XrayHeaders.PATIENT_KEY));
    }

    @Test
    void removesIdentifiersNestedInSequencesAndPrivateTags() {
        TestImages.DicomCopy dicom = TestImages.uniqueDicom("dx-implicit-le.dcm", TestImages.DX_SOP_UID);

        authorized().contentType("application/octet-stream").body(dicom.bytes())
                .when().post(PATH)
                .then().statusCode(202).body("bodyPart", equalTo("XR_WRIST"));

        assertNoPatientIdentifier(publishedImage(dicom.sopInstanceUid()),
                "ROE^RICHARD", "PAT-67890", "PAT-OTHER-1", "SURGEON^SAM");
    }

    @Test
    void samePatientGetsTheSameKeyAndDifferentPatientsDifferentKeys() {
        String first = authorized().body(TestImages.png(3)).header("X-Patient-Id", "MRN-1")
                .when().post(PATH).then().statusCode(202).extract().path("imageId");
        String second = authorized().body(TestImages.png(4)).header("X-Patient-Id", "MRN-1")
                .when().post(PATH).then().statusCode(202).extract().path("imageId");
        String other = authorized().body(TestImages.png(5)).header("X-Patient-Id", "MRN-2")
                .when().post(PATH).then().statusCode(202).extract().path("imageId");

        String firstKey = header(publishedImage(first), XrayHeaders.PATIENT_KEY);
        assertThat(header(publishedImage(second), XrayHeaders.PATIENT_KEY)).isEqualTo(firstKey);
        assertThat(header(publishedImage(other), XrayHeaders.PATIENT_KEY)).isNotEqualTo(firstKey);
    }

    @Test
    void resentDicomInstanceIsPublishedOnce() {
        TestImages.DicomCopy dicom = TestImages.uniqueDicom("cr-explicit-le.dcm", TestImages.CR_SOP_UID);

        authorized().body(dicom.bytes()).when().post(PATH).then().statusCode(202).body("duplicate", equalTo(false));
        authorized().body(dicom.bytes()).when().post(PATH).then().statusCode(200).body("duplicate", equalTo(true));

        assertThat(TopicRecords.await(companion, Topics.RAW_IMAGES, XrayHeaders.IMAGE_ID, dicom.sopInstanceUid(), 1))
                .hasSize(1);
    }

    @Test
    void rejectsTruncatedPngAsCorrupt() {
        assertRejected(TestImages.truncated(TestImages.png(6)), 422, "corrupt");
    }

    @Test
    void rejectsRandomBytesAsUnrecognizedFormat() {
        assertRejected(TestImages.randomBytes(4096, 7), 415, "unrecognized-format");
    }

    @Test
    void rejectsEmptyBody() {
        assertRejected(new byte[0], 400, "empty");
    }

    @Test
    void rejectsDicomWithUnsupportedTransferSyntaxNamingIt() {
        assertRejected(TestImages.dicom("jpeg-baseline.dcm"), 415, "unsupported-transfer-syntax")
                .body("detail", containsString("1.2.840.10008.1.2.4.50"));
    }

    @Test
    void rejectsDicomWithoutPixelData() {
        assertRejected(TestImages.dicom("non-image.dcm"), 422, "not-an-image");
    }

    @Test
    void rejectsDicomOfAnotherModality() {
        assertRejected(TestImages.dicom("mr-explicit-le.dcm"), 422, "unsupported-modality")
                .body("detail", containsString("MR"));
    }

    @Test
    void rejectsTruncatedDicom() {
        assertRejected(TestImages.dicom("truncated.dcm"), 422, "corrupt");
    }

    @Test
    void rejectsImageOverSixteenMebibytesWith413() {
        byte[] png = TestImages.png(8);
        byte[] oversize = java.util.Arrays.copyOf(png, 16 * 1024 * 1024 + 1);
        assertRejected(oversize, 413, "oversize");
    }

    @Test
    void rejectsUnknownBodyPart() {
        authorized().body(TestImages.png(9)).queryParam("bodyPart", "XR_KNEE")
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("https://")).body("detail", containsString("XR_KNEE"));
    }

    @Test
    void requiresBearerToken() {
        given().body(TestImages.png(10)).when().post(PATH)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong-token").body(TestImages.png(10)).when().post(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer rotated-test-token").body(TestImages.png(10)).when().post(PATH)
                .then().statusCode(202);
    }

    @Test
    void countsRejectionsByReasonInPrometheusMetrics() {
        assertRejected(TestImages.randomBytes(64, 11), 415, "unrecognized-format");

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("xray_ingest_images_rejected_total{reason=\"unrecognized-format\""))
                .body(containsString("xray_ingest_received_bytes_total"));
    }

    @Test
    void readinessReportsTheKafkaConnection() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Kafka"));
    }

    /** Each refusal is followed by a good upload, which must still be published. */
    private io.restassured.response.ValidatableResponse assertRejected(byte[] body, int status, String code) {
        io.restassured.response.ValidatableResponse response = authorized().body(body).when().post(PATH)
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("https://xray-anomaly.org/problems/" + code));
        String goodId = authorized().body(TestImages.png(status)).when().post(PATH)
                .then().statusCode(202).extract().path("imageId");
        publishedImage(goodId);
        return response;
    }

    private static void assertNoPatientIdentifier(ConsumerRecord<String, byte[]> record, String... identifiers) {
        String value = new String(record.value(), StandardCharsets.ISO_8859_1);
        StringBuilder headers = new StringBuilder(record.key());
        record.headers().forEach(h -> headers.append(new String(h.value(), StandardCharsets.UTF_8)));
        for (String identifier : identifiers) {
            assertThat(value).as("published image bytes").doesNotContain(identifier);
            assertThat(headers.toString()).as("published key and headers").doesNotContain(identifier);
        }
    }
}
