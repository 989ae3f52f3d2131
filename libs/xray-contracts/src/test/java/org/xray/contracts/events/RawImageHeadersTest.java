package org.xray.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xray.contracts.ContractViolationException;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.Samples;
import org.xray.contracts.Schemas;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.EventTypes;
import org.xray.contracts.kafka.XrayHeaders;

class RawImageHeadersTest {

    @Test
    void headersRoundTrip() {
        RawImageHeaders headers = Samples.rawImageHeaders();

        assertThat(RawImageHeaders.fromHeaders(lookup(headers.toHeaders()))).isEqualTo(headers);
    }

    @Test
    void headersWithoutModalityRoundTrip() {
        RawImageHeaders headers = new RawImageHeaders(1, Samples.image(), ImageFormat.PNG, Optional.empty());

        assertThat(headers.toHeaders()).doesNotContainKey(XrayHeaders.MODALITY);
        assertThat(RawImageHeaders.fromHeaders(lookup(headers.toHeaders()))).isEqualTo(headers);
    }

    @Test
    void headersCarryCloudEventsBinaryModeAttributes() {
        Map<String, String> headers = Samples.rawImageHeaders().toHeaders();

        assertThat(headers)
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.ID, Samples.image().imageId())
                .containsEntry(CloudEventHeaders.TYPE, EventTypes.RAW_IMAGE)
                .containsEntry(CloudEventHeaders.SOURCE, "pacs-bridge")
                .containsEntry(CloudEventHeaders.TIME, "2024-05-01T10:15:30.123Z")
                .containsEntry(CloudEventHeaders.SUBJECT, Samples.STUDY_ID)
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/dicom");
        assertThat(headers.keySet()).startsWith(XrayHeaders.SCHEMA_VERSION, XrayHeaders.IMAGE_ID);
    }

    @Test
    void headersValidateAgainstTheirSchema() {
        JsonNode withModality = EventJson.mapper().valueToTree(Samples.rawImageHeaders().toHeaders());
        JsonNode withoutModality = EventJson.mapper().valueToTree(
                new RawImageHeaders(1, Samples.image(), ImageFormat.JPEG, Optional.empty()).toHeaders());

        assertThat(Schemas.validate("raw-image-headers.schema.json", withModality)).isEmpty();
        assertThat(Schemas.validate("raw-image-headers.schema.json", withoutModality)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            XrayHeaders.SCHEMA_VERSION, XrayHeaders.IMAGE_ID, XrayHeaders.STUDY_ID, XrayHeaders.BODY_PART,
            XrayHeaders.PATIENT_KEY, XrayHeaders.SOURCE, XrayHeaders.RECEIVED_AT, XrayHeaders.TRACE_ID,
            XrayHeaders.IMAGE_FORMAT})
    void missingHeaderIsNamedAndFailsTheSchema(String name) {
        Map<String, String> headers = new HashMap<>(Samples.rawImageHeaders().toHeaders());
        headers.remove(name);

        assertThatThrownBy(() -> RawImageHeaders.fromHeaders(lookup(headers)))
                .isInstanceOf(ContractViolationException.class)
                .hasMessage("header " + name + " is missing");
        assertThat(Schemas.validate("raw-image-headers.schema.json", EventJson.mapper().valueToTree(headers)))
                .anySatisfy(error -> assertThat(error.getMessage()).contains(name));
    }

    @ParameterizedTest
    @CsvSource({
            "xray-body-part,      HAND,      one of [XR_ELBOW",
            "xray-image-format,   TIFF,      one of [PNG, JPEG, DICOM]",
            "xray-received-at,    yesterday, an ISO-8601 instant",
            "xray-schema-version, 0,         an integer >= 1",
            "xray-image-id,       ' ',       is blank"})
    void invalidHeaderIsNamedWithWhatWasExpected(String name, String value, String expected) {
        Map<String, String> headers = new HashMap<>(Samples.rawImageHeaders().toHeaders());
        headers.put(name, value);

        assertThatThrownBy(() -> RawImageHeaders.fromHeaders(lookup(headers)))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageStartingWith("header " + name)
                .hasMessageContaining(expected);
    }

    @Test
    void blankModalityIsRejectedRatherThanTreatedAsAbsent() {
        Map<String, String> headers = new HashMap<>(Samples.rawImageHeaders().toHeaders());
        headers.put(XrayHeaders.MODALITY, "");

        assertThatThrownBy(() -> RawImageHeaders.fromHeaders(lookup(headers)))
                .hasMessageContaining(XrayHeaders.MODALITY);
    }

    private static java.util.function.Function<String, Optional<String>> lookup(Map<String, String> headers) {
        return name -> Optional.ofNullable(headers.get(name));
    }
}
