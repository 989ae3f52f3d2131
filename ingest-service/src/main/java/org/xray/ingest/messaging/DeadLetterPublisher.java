package org.xray.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.xray.contracts.events.DeadLetter;
import org.xray.ingest.service.ImageRejectedException;


/**
 * Moves a refused bridge record to the input topic's {@code .dlq}: same key, value and headers, plus
 * {@code xray-error-*} headers saying why and where it came from, so an operator can fix and replay it.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    static final String SERVICE = "ingest-service";

    private final Emitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel("pacs-images-dlq") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public CompletionStage<Void> publish(ConsumerRecord<String, byte[]> record, ImageRejectedException rejection) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        DeadLetter letter = new DeadLetter(rejection.reason(), rejection.getMessage(), SERVICE, record.topic(),
                record.partition(), record.offset(), Instant.now());
        letter.toHeaders().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return AcknowledgedSend.send(emitter, Message.of(value).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build()));
    }
}
