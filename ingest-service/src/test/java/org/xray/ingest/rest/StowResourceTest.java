package org.xray.ingest.rest;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xray.contracts.kafka.Topics;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.ingest.TestImages;
import org.xray.kafka.testkit.KafkaBrokerTestResource;
import org.xray.kafka.testkit.TopicRecords;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class StowResourceTest {

    private static final String PATH = "/dicom-web/studies";
    private static final String BOUNDARY = "DICOMwebBoundary-7d9a";
    private static final String JPEG_BASELINE_SOP_UID = TestImages.FIXTURE_ROOT + ".3.3";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    private static RequestSpecification stow(String type, byte[]... instances) {
        return given()
                .config(RestAssured.config().encoderConfig(
                        encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", "Bearer test-token")
                .header("Accept", "application/dicom+json")
                .contentType("multipart/related; type=\"" + type + "\"; boundary=" + BOUNDARY)
                .body(multipartRelated(instances));
    }

    /** A PS3.18 request body: one application/dicom part per instance. */
    private static byte[] multipartRelated(byte[]... instances) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] instance : instances) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(instance);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    @Test
    void storesGoodInstanceAndReportsBadOneWithItsFailureReason() {
        TestImages.DicomCopy good = TestImages.uniqueDicom("dx-implicit-le.dcm", TestImages.DX_SOP_UID);
        byte[] bad = TestImages.dicom("jpeg-baseline.dcm");

        stow("application/dicom", good.bytes(), bad)
                .when().post(PATH)
                .then().statusCode(202)
                .contentType("application/dicom+json")
                .header("Warning", containsString("1.2.840.10008.1.2.4.50"))
                .body("'00081199'.vr", equalTo("SQ"))
                .body("'00081199'.Value", hasSize(1))
                .body("'00081199'.Value[0].'00081155'.Value[0]", equalTo(good.sopInstanceUid()))
                .body("'00081199'.Value[0].'00081150'.Value[0]", equalTo("1.2.840.10008.5.1.4.1.1.1.1"))
                .body("'00081198'.Value", hasSize(1))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(JPEG_BASELINE_SOP_UID))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC122));

        ConsumerRecord<String, byte[]> record = TopicRecords
                .await(companion, Topics.RAW_IMAGES, XrayHeaders.IMAGE_ID, good.sopInstanceUid(), 1).get(0);
        assertThat(record.key()).isEqualTo(TestImages.DX_STUDY_UID);
        assertThat(TopicRecords.header(record, XrayHeaders.SOURCE)).contains("ingest/stow-rs");
    }

    @Test
    void answersOkWhenEveryInstanceIsStored() {
        TestImages.DicomCopy first = TestImages.uniqueDicom("cr-explicit-le.dcm", TestImages.CR_SOP_UID);
        TestImages.DicomCopy second = TestImages.uniqueDicom("dx-implicit-le.dcm", TestImages.DX_SOP_UID);

        stow("application/dicom", first.bytes(), second.bytes())
                .when().post(PATH)
                .then().statusCode(200)
                .body("'00081199'.Value", hasSize(2))
                .body("$", not(org.hamcrest.Matchers.hasKey("00081198")));
    }

    @Test
    void answersConflictWhenNoInstanceIsStored() {
        stow("application/dicom", TestImages.dicom("non-image.dcm"), TestImages.randomBytes(512, 3))
                .when().post(PATH)
                .then().statusCode(409)
                .body("'00081198'.Value", hasSize(2))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0x0122))
                .body("'00081198'.Value[1].'00081197'.Value[0]", equalTo(0xC000));
    }

    @Test
    void refusesNonDicomContentInADicomPart() {
        stow("application/dicom", TestImages.png(21))
                .when().post(PATH)
                .then().statusCode(409)
                .header("Warning", containsString("DICOM Part 10 instances only"))
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000));
    }

    @Test
    void refusesMetadataAndBulkDataRequests() {
        stow("application/dicom+json", TestImages.dicom("cr-explicit-le.dcm"))
                .when().post(PATH)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void refusesBodyWithoutTheDeclaredBoundary() {
        given().header("Authorization", "Bearer test-token")
                .contentType("multipart/related; type=\"application/dicom\"; boundary=elsewhere")
                .body(multipartRelated(TestImages.dicom("cr-explicit-le.dcm")))
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("elsewhere"));
    }

    @Test
    void requiresBearerToken() {
        given().contentType("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                .body(multipartRelated(TestImages.dicom("cr-explicit-le.dcm")))
                .when().post(PATH)
                .then().statusCode(401);
    }
}
