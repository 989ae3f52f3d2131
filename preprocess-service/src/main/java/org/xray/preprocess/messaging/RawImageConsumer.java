package org.xray.preprocess.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.xray.contracts.ContractViolationException;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.RawImageHeaders;
import org.xray.formats.InvalidImageException;
import org.xray.messaging.DeadLetterSender;
import org.xray.messaging.KafkaHeaderMaps;
import org.xray.messaging.NotAcknowledgedException;
import org.xray.messaging.OutgoingRecords;
import org.xray.preprocess.config.PreprocessConfig;
import org.xray.preprocess.service.ImagePreprocessing;

/**
 * Consumes {@code xray.images.raw} and publishes {@code xray.images.preprocessed}. CPU work runs on the bounded
 * {@code preprocess-workers} pool, off the event loop; the channel's {@code concurrency} copies each own a share of
 * the partitions and process them in order, so a study's images (one key, one partition) keep their order.
 * A record that cannot be preprocessed goes to {@code xray.images.raw.dlq} and the stream goes on; the input offset
 * is committed only once the output or the dead letter is acknowledged.
 */
@ApplicationScoped
public class RawImageConsumer {

    private static final Logger LOG = Logger.getLogger(RawImageConsumer.class);

    private final ImagePreprocessing preprocessing;
    private final PreprocessedImagePublisher publisher;
    private final DeadLetterSender deadLetters;
    private final MeterRegistry registry;
    private final Duration publishTimeout;

    public RawImageConsumer(ImagePreprocessing preprocessing, PreprocessedImagePublisher publisher,
                            @Channel("images-raw-dlq") Emitter<byte[]> deadLetterEmitter, MeterRegistry registry,
                            PreprocessConfig config) {
        this.preprocessing = preprocessing;
        this.publisher = publisher;
        this.deadLetters = new DeadLetterSender(deadLetterEmitter, PreprocessedImagePublisher.SOURCE);
        this.registry = registry;
        this.publishTimeout = Duration.ofSeconds(config.publishTimeoutSeconds());
    }

    @Incoming("images-raw")
    @Blocking("preprocess-workers")
    public void consume(ConsumerRecord<String, byte[]> record) {
        try {
            RawImageHeaders headers = RawImageHeaders.fromHeaders(KafkaHeaderMaps.reader(record.headers()));
            PreprocessedImage event = preprocessing.preprocess(headers, record.value() == null ? new byte[0]
                    : record.value());
            OutgoingRecords.await(publisher.publish(event), publishTimeout, "preprocessed image "
                    + headers.image().imageId());
            registry.counter("xray.preprocess.images.published").increment();
        } catch (NotAcknowledgedException e) {
            throw e;
        } catch (ContractViolationException e) {
            deadLetter(record, RejectionReason.INVALID_METADATA, e.getMessage());
        } catch (InvalidImageException e) {
            deadLetter(record, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "raw image %s failed unexpectedly; dead-lettered", DeadLetterSender.position(record));
            deadLetter(record, RejectionReason.PROCESSING_FAILED, e.toString());
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RejectionReason reason, String message) {
        LOG.warnf("raw image %s refused (%s): %s", DeadLetterSender.position(record), reason.code(), message);
        OutgoingRecords.await(deadLetters.send(record, reason, message), publishTimeout,
                "the dead letter for " + DeadLetterSender.position(record));
        registry.counter("xray.preprocess.images.rejected", "reason", reason.code()).increment();
    }
}
