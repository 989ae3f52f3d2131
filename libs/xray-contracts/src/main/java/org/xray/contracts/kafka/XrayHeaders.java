package org.xray.contracts.kafka;

/** Our own Kafka header names. Values are UTF-8 strings. */
public final class XrayHeaders {

    // Metadata of a raw image, whose value is the image bytes and so has no room for it.
    public static final String SCHEMA_VERSION = "xray-schema-version";
    public static final String IMAGE_ID = "xray-image-id";
    public static final String STUDY_ID = "xray-study-id";
    public static final String BODY_PART = "xray-body-part";
    public static final String PATIENT_KEY = "xray-patient-key";
    public static final String SOURCE = "xray-source";
    public static final String RECEIVED_AT = "xray-received-at";
    public static final String TRACE_ID = "xray-trace-id";
    public static final String IMAGE_FORMAT = "xray-image-format";
    public static final String MODALITY = "xray-modality";

    // Added to a record sent to a dead-letter topic, next to the record's own headers.
    /** A stable code from {@link org.xray.contracts.RejectionReason#code()}, for alerting and metrics. */
    public static final String ERROR_REASON = "xray-error-reason";
    /** Human-readable detail for operators; never parse it. */
    public static final String ERROR_MESSAGE = "xray-error-message";
    public static final String ERROR_SERVICE = "xray-error-service";
    public static final String ERROR_TOPIC = "xray-error-topic";
    public static final String ERROR_PARTITION = "xray-error-partition";
    public static final String ERROR_OFFSET = "xray-error-offset";
    public static final String ERROR_AT = "xray-error-at";

    private XrayHeaders() {
    }
}
