package org.xray.ingest.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.xray.contracts.events.RawImageHeaders;

/** Sends accepted images to {@code xray.images.raw}, keyed by study so a study's images stay in order. */
@ApplicationScoped
public class RawImagePublisher {

    private final Emitter<byte[]> emitter;

    public RawImagePublisher(@Channel("images-raw") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka has acknowledged the record (acks=all), exceptionally when it refused it. */
    public CompletionStage<Void> publish(String studyId, byte[] image, RawImageHeaders headers) {
        return AcknowledgedSend.send(emitter, Message.of(image).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(studyId)
                        .withHeaders(KafkaHeaderMaps.toKafka(headers.toHeaders()))
                        .build()));
    }
}
