package org.xray.contracts.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.kafka.XrayHeaders;

/**
 * Why and where a record was rejected; its {@link #toHeaders()} are added to the original record's headers when
 * it is sent, with its original key and value, to the input topic's {@code .dlq}.
 *
 * @param message human-readable detail for operators, cut to {@link #MAX_MESSAGE_CHARS}
 * @param service the rejecting service, e.g. {@code preprocess-service}
 * @param topic   the topic the record was read from
 */
public record DeadLetter(
        RejectionReason reason, String message, String service, String topic, int partition, long offset, Instant at) {

    /** Longer messages (a stack of causes, say) are cut, so the headers stay well within the record headroom. */
    public static final int MAX_MESSAGE_CHARS = 2000;

    public DeadLetter {
        Require.nonNull(reason, "DeadLetter.reason");
        if (Require.nonNull(message, "DeadLetter.message").length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS - 1) + "\u2026";
        }
        Require.nonBlank(service, "DeadLetter.service");
        Require.nonBlank(topic, "DeadLetter.topic");
        Require.atLeast(partition, 0, "DeadLetter.partition");
        Require.atLeast(offset, 0, "DeadLetter.offset");
        Require.nonNull(at, "DeadLetter.at");
    }

    /** The {@code xray-error-*} headers, as UTF-8 strings in a stable order. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(XrayHeaders.ERROR_REASON, reason.code());
        headers.put(XrayHeaders.ERROR_MESSAGE, message);
        headers.put(XrayHeaders.ERROR_SERVICE, service);
        headers.put(XrayHeaders.ERROR_TOPIC, topic);
        headers.put(XrayHeaders.ERROR_PARTITION, Integer.toString(partition));
        headers.put(XrayHeaders.ERROR_OFFSET, Long.toString(offset));
        headers.put(XrayHeaders.ERROR_AT, at.toString());
        return Collections.unmodifiableMap(headers);
    }
}
