package org.xray.ingest.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Emitter sends that tell the caller when the broker acknowledged the record. */
final class AcknowledgedSend {

    private AcknowledgedSend() {
    }

    static CompletionStage<Void> send(Emitter<byte[]> emitter, Message<byte[]> message) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        emitter.send(message
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acknowledged;
    }
}
