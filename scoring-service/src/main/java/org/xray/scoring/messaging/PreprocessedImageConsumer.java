package org.xray.scoring.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.json.EventJson;
import org.xray.messaging.DeadLetterSender;
import org.xray.messaging.OutgoingRecords;
import org.xray.scoring.config.ScoringConfig;
import org.xray.scoring.model.ModelRegistry;
import org.xray.scoring.service.ImageScoring;
import org.xray.scoring.service.ScoringOutcome;

/**
 * Consumes {@code xray.images.preprocessed} in batches (one poll each, a micro-batch for the models) and publishes
 * score events, alerts and shadow scores. Each of the channel's {@code concurrency} copies owns a share of the
 * partitions and handles its batches in order on the {@code scoring-workers} pool, so a study's images are scored in
 * order and a partition's model version only moves forward. Poison records go to the dead-letter topic; offsets are
 * committed only after every output of the batch is acknowledged.
 */
@ApplicationScoped
public class PreprocessedImageConsumer {

    private static final Logger LOG = Logger.getLogger(PreprocessedImageConsumer.class);
    private static final Duration CATCH_UP_LOG_INTERVAL = Duration.ofSeconds(30);

    private final ImageScoring scoring;
    private final ScoringPublisher publisher;
    private final DeadLetterSender deadLetters;
    private final ModelRegistry models;
    private final MeterRegistry metrics;
    private final Duration publishTimeout;

    public PreprocessedImageConsumer(ImageScoring scoring, ScoringPublisher publisher,
                                     @Channel("images-preprocessed-dlq") Emitter<byte[]> deadLetterEmitter,
                                     ModelRegistry models, MeterRegistry metrics, ScoringConfig config) {
        this.scoring = scoring;
        this.publisher = publisher;
        this.deadLetters = new DeadLetterSender(deadLetterEmitter, ScoringPublisher.SOURCE);
        this.models = models;
        this.metrics = metrics;
        this.publishTimeout = Duration.ofSeconds(config.publishTimeoutSeconds());
    }

    @Incoming("images-preprocessed")
    @Blocking("scoring-workers")
    public void consume(ConsumerRecords<String, byte[]> batch) {
        // Scoring before the published models are loaded would send every image to the dead-letter topic.
        while (!models.awaitCaughtUp(CATCH_UP_LOG_INTERVAL)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for the models to load");
            }
            LOG.info("waiting for the models published on xray.models to load before scoring");
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.count());
        List<PreprocessedImage> images = new ArrayList<>(batch.count());
        List<CompletionStage<Void>> sent = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                images.add(EventJson.fromBytes(record.value() == null ? new byte[0] : record.value(),
                        PreprocessedImage.class));
                records.add(record);
            } catch (RuntimeException e) {
                sent.add(deadLetter(record, RejectionReason.INVALID_EVENT, e.getMessage()));
            }
        }
        ImageScoring.ScoredBatch scored = scoring.score(images);
        for (int i = 0; i < records.size(); i++) {
            ScoringOutcome outcome = scored.outcomes().get(i);
            if (outcome instanceof ScoringOutcome.Scored result) {
                sent.add(publisher.score(result.score()));
                result.alert().ifPresent(alert -> sent.add(publisher.alert(alert)));
                result.shadow().ifPresent(shadow -> sent.add(publisher.shadowScore(shadow)));
                count(result);
            } else if (outcome instanceof ScoringOutcome.Refused refused) {
                sent.add(deadLetter(records.get(i), refused.reason(), refused.message()));
            }
        }
        for (CompletionStage<Void> stage : sent) {
            OutgoingRecords.await(stage, publishTimeout, "the outputs of a batch of " + batch.count() + " records");
        }
        scored.commitStudies();
    }

    private CompletionStage<Void> deadLetter(ConsumerRecord<String, byte[]> record, RejectionReason reason,
                                             String message) {
        LOG.warnf("preprocessed image %s refused (%s): %s", DeadLetterSender.position(record), reason.code(), message);
        metrics.counter("xray.scoring.images.rejected", "reason", reason.code()).increment();
        return deadLetters.send(record, reason, message);
    }

    private void count(ScoringOutcome.Scored result) {
        metrics.counter("xray.scoring.images.scored", "model", result.score().modelName()).increment();
        metrics.timer("xray.scoring.latency").record(Duration.ofMillis(result.score().latencyMillis()));
        result.alert().ifPresent(alert -> metrics.counter("xray.scoring.alerts.raised",
                "body_part", alert.bodyPart().name()).increment());
    }
}
