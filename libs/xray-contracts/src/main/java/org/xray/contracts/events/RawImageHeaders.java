package org.xray.contracts.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.xray.contracts.BodyPart;
import org.xray.contracts.ContractViolationException;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.EventTypes;
import org.xray.contracts.kafka.XrayHeaders;

/**
 * The headers of a record on {@code xray.images.raw} (and {@code pacs.images}), whose value is the image file
 * itself. Carries our {@code xray-*} metadata plus the CloudEvents binary-mode headers.
 *
 * @param modality the DICOM modality (CR, DX, ...) when known; a PNG or JPEG upload has none
 */
public record RawImageHeaders(int schemaVersion, ImageMetadata image, ImageFormat format, Optional<String> modality) {

    public RawImageHeaders {
        Require.schemaVersion(schemaVersion, "RawImageHeaders");
        Require.nonNull(image, "RawImageHeaders.image");
        Require.nonNull(format, "RawImageHeaders.format");
        Require.nonBlank(modality, "RawImageHeaders.modality");
    }

    /** Header name to UTF-8 value, {@code xray-*} first, then the CloudEvents headers. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(XrayHeaders.SCHEMA_VERSION, Integer.toString(schemaVersion));
        headers.put(XrayHeaders.IMAGE_ID, image.imageId());
        headers.put(XrayHeaders.STUDY_ID, image.studyId());
        headers.put(XrayHeaders.BODY_PART, image.bodyPart().name());
        headers.put(XrayHeaders.PATIENT_KEY, image.patientKey());
        headers.put(XrayHeaders.SOURCE, image.source());
        headers.put(XrayHeaders.RECEIVED_AT, image.receivedAt().toString());
        headers.put(XrayHeaders.TRACE_ID, image.traceId());
        headers.put(XrayHeaders.IMAGE_FORMAT, format.name());
        modality.ifPresent(value -> headers.put(XrayHeaders.MODALITY, value));
        headers.putAll(CloudEventHeaders.binaryMode(image.imageId(), EventTypes.RAW_IMAGE, image.source(),
                image.receivedAt(), image.studyId(), format.mediaType()));
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Reads the {@code xray-*} headers (the {@code ce_*} ones duplicate them for generic tooling and are not read).
     *
     * @param header the UTF-8 value of a header by name, empty when the record lacks it
     * @throws ContractViolationException naming the first missing or invalid header
     */
    public static RawImageHeaders fromHeaders(Function<String, Optional<String>> header) {
        int schemaVersion = parse(header, XrayHeaders.SCHEMA_VERSION, "an integer >= 1", RawImageHeaders::version);
        ImageMetadata image = new ImageMetadata(
                required(header, XrayHeaders.IMAGE_ID),
                required(header, XrayHeaders.STUDY_ID),
                parse(header, XrayHeaders.BODY_PART, "one of " + Arrays.toString(BodyPart.values()), BodyPart::valueOf),
                required(header, XrayHeaders.PATIENT_KEY),
                required(header, XrayHeaders.SOURCE),
                parse(header, XrayHeaders.RECEIVED_AT, "an ISO-8601 instant such as 2024-05-01T10:15:30Z",
                        Instant::parse),
                required(header, XrayHeaders.TRACE_ID));
        ImageFormat format = parse(header, XrayHeaders.IMAGE_FORMAT, "one of " + Arrays.toString(ImageFormat.values()),
                ImageFormat::valueOf);
        Optional<String> modality = header.apply(XrayHeaders.MODALITY);
        if (modality.isPresent() && modality.get().isBlank()) {
            throw new ContractViolationException("header " + XrayHeaders.MODALITY + " is blank; omit it when unknown");
        }
        return new RawImageHeaders(schemaVersion, image, format, modality);
    }

    private static String required(Function<String, Optional<String>> header, String name) {
        String value = header.apply(name)
                .orElseThrow(() -> new ContractViolationException("header " + name + " is missing"));
        if (value.isBlank()) {
            throw new ContractViolationException("header " + name + " is blank");
        }
        return value;
    }

    private static <T> T parse(Function<String, Optional<String>> header, String name, String expected,
            Function<String, T> parser) {
        String value = required(header, name);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ContractViolationException("header " + name + " must be " + expected + ", was '" + value + "'", e);
        }
    }

    private static int version(String text) {
        int version = Integer.parseInt(text);
        if (version < 1) {
            throw new IllegalArgumentException("schema version below 1");
        }
        return version;
    }
}
