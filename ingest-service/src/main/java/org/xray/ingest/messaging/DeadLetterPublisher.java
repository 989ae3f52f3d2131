package org.xray.ingest.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.xray.contracts.RejectionReason;
import org.xray.messaging.DeadLetters;
import org.xray.messaging.OutgoingRecords;

/** Moves a refused bridge record, unchanged, to the input topic's {@code .dlq} with the reason in its headers. */
@ApplicationScoped
public class DeadLetterPublisher {

    static final String SERVICE = "ingest-service";

    private final Emitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel("pacs-images-dlq") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public CompletionStage<Void> publish(ConsumerRecord<String, byte[]> record, RejectionReason reason,
                                         String message) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return OutgoingRecords.send(emitter, record.key(), value, DeadLetters.headers(record, reason, message, SERVICE));
    }
}
