package org.xray.messaging;

import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.xray.contracts.RejectionReason;

/**
 * Sends a refused input record, unchanged (same key, value and headers), to its topic's {@code .dlq} through the
 * given Emitter, with {@code xray-error-*} headers saying why, where it came from and which service refused it.
 */
public final class DeadLetterSender {

    private final Emitter<byte[]> emitter;
    private final String service;

    public DeadLetterSender(Emitter<byte[]> emitter, String service) {
        this.emitter = emitter;
        this.service = service;
    }

    public CompletionStage<Void> send(ConsumerRecord<String, byte[]> record, RejectionReason reason, String message) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return OutgoingRecords.send(emitter, record.key(), value, DeadLetters.headers(record, reason, message, service));
    }

    /** Where a record was read, for log lines and error messages: {@code topic-partition@offset}. */
    public static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
