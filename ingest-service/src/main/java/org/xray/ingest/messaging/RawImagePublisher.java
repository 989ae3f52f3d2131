package org.xray.ingest.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.xray.contracts.events.RawImageHeaders;
import org.xray.messaging.OutgoingRecords;

/** Sends accepted images to {@code xray.images.raw}, keyed by study so a study's images stay in order. */
@ApplicationScoped
public class RawImagePublisher {

    private final Emitter<byte[]> emitter;

    public RawImagePublisher(@Channel("images-raw") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka has acknowledged the record (acks=all), exceptionally when it refused it. */
    public CompletionStage<Void> publish(String studyId, byte[] image, RawImageHeaders headers) {
        return OutgoingRecords.send(emitter, studyId, image, headers.toHeaders());
    }
}
