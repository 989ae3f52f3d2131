package org.xray.contracts.kafka;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the event's attributes travel as {@code ce_*} headers and
 * the value is the data itself, so generic CloudEvents tooling can produce and consume our topics.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Binary mode maps the CloudEvents {@code datacontenttype} onto this plain header. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON_CONTENT_TYPE = "application/json";

    private CloudEventHeaders() {
    }

    /** The {@code ce_*} and {@code content-type} headers of one event, in a stable order. */
    public static Map<String, String> binaryMode(
            String id, String type, String source, Instant time, String subject, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(ID, id);
        headers.put(TYPE, type);
        headers.put(SOURCE, source);
        headers.put(TIME, time.toString());
        headers.put(SUBJECT, subject);
        headers.put(CONTENT_TYPE, contentType);
        return Collections.unmodifiableMap(headers);
    }
}
