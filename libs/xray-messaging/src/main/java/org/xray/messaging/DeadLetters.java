package org.xray.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.events.DeadLetter;

/**
 * The headers of a refused record on its way to the input topic's {@code .dlq}: the record's own headers plus
 * {@code xray-error-*} saying why and where it came from, so an operator can fix and replay it.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static Headers headers(ConsumerRecord<?, ?> record, RejectionReason reason, String message,
                                  String service) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        DeadLetter letter = new DeadLetter(reason, message, service, record.topic(), record.partition(),
                record.offset(), Instant.now());
        letter.toHeaders().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
