package org.xray.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends through an Emitter and tells the caller when the broker acknowledged the record, so that an input is
 * acknowledged (and its offset committed) only after its output is safe: at-least-once delivery.
 */
public final class OutgoingRecords {

    private OutgoingRecords() {
    }

    /** Completes when the broker acknowledged the record, exceptionally when it was refused. */
    public static <T> CompletionStage<Void> send(Emitter<T> emitter, String key, T value, Map<String, String> headers) {
        return send(emitter, key, value, KafkaHeaderMaps.toKafka(headers));
    }

    public static <T> CompletionStage<Void> send(Emitter<T> emitter, String key, T value, Headers headers) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<T> message = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build())
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acknowledged;
    }

    /**
     * Blocks a worker thread until the send is acknowledged.
     *
     * @param what the record, in words, for the error message
     * @throws NotAcknowledgedException when the broker refused it or did not answer in time
     */
    public static void await(CompletionStage<Void> sent, Duration timeout, String what) {
        try {
            sent.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new NotAcknowledgedException("Kafka refused " + what + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new NotAcknowledgedException("Kafka did not acknowledge " + what + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledgedException("interrupted while sending " + what, e);
        }
    }
}
