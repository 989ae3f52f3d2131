package org.xray.ingest.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.ScoreEvent;
import org.xray.contracts.json.EventFormatException;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.Topics;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.ingest.dashboard.DeadLetteredImage;
import org.xray.ingest.dashboard.ModelCatalog;
import org.xray.ingest.dashboard.PipelineActivity;
import org.xray.messaging.KafkaHeaderMaps;

/**
 * Feeds the web app: reads the pipeline's topics (from their end) and the model announcements (from their start)
 * with a consumer group of this replica's own, so every replica sees everything. A record it cannot read is logged
 * and skipped: the view is informational, and the records stay on their topics for everyone else.
 */
@ApplicationScoped
public class PipelineActivityListener {

    private static final Logger LOG = Logger.getLogger(PipelineActivityListener.class);

    private final PipelineActivity activity;
    private final ModelCatalog models;

    public PipelineActivityListener(PipelineActivity activity, ModelCatalog models) {
        this.activity = activity;
        this.models = models;
    }

    @Incoming("dashboard-pipeline")
    public void pipelineEvent(ConsumerRecord<String, byte[]> record) {
        skippingWhatCannotBeRead(record, () -> {
            switch (record.topic()) {
                case Topics.PREPROCESSED_IMAGES -> activity.preprocessed(read(record, PreprocessedImage.class));
                case Topics.SCORES -> activity.scored(read(record, ScoreEvent.class));
                case Topics.ALERTS -> activity.alerted(read(record, AlertEvent.class));
                default -> activity.rejected(deadLettered(record));
            }
        });
    }

    @Incoming("dashboard-raw-dead-letters")
    public void rawImageDeadLetter(ConsumerRecord<String, byte[]> record) {
        skippingWhatCannotBeRead(record, () -> activity.rejected(deadLettered(record)));
    }

    @Incoming("dashboard-models")
    public void modelAnnouncement(ConsumerRecord<String, byte[]> record) {
        skippingWhatCannotBeRead(record, () -> models.announced(record.key(), Optional.ofNullable(record.value())
                .map(value -> EventJson.fromBytes(value, ModelManifest.class))));
    }

    private static void skippingWhatCannotBeRead(ConsumerRecord<String, byte[]> record, Runnable view) {
        try {
            view.run();
        } catch (RuntimeException e) {
            LOG.warnf("web app view skips %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
        }
    }

    private static <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        if (record.value() == null) {
            throw new IllegalArgumentException("a " + type.getSimpleName() + " record without a value");
        }
        return EventJson.fromBytes(record.value(), type);
    }

    // Dead letters keep the refused record's own headers; a preprocessed image's ids may be only in its JSON.
    static DeadLetteredImage deadLettered(ConsumerRecord<String, byte[]> record) {
        Function<String, Optional<String>> header = KafkaHeaderMaps.reader(record.headers());
        Optional<PreprocessedImage> refusedEvent = Topics.deadLetter(Topics.PREPROCESSED_IMAGES).equals(record.topic())
                ? preprocessedOrEmpty(record.value()) : Optional.empty();
        String imageId = header.apply(XrayHeaders.IMAGE_ID)
                .or(() -> refusedEvent.map(e -> e.image().imageId())).orElse(DeadLetteredImage.UNKNOWN);
        String studyId = header.apply(XrayHeaders.STUDY_ID)
                .or(() -> refusedEvent.map(e -> e.image().studyId()))
                .or(() -> Optional.ofNullable(record.key())).orElse(DeadLetteredImage.UNKNOWN);
        BodyPart bodyPart = header.apply(XrayHeaders.BODY_PART).flatMap(PipelineActivityListener::bodyPart)
                .or(() -> refusedEvent.map(e -> e.image().bodyPart())).orElse(BodyPart.UNKNOWN);
        String refusedOn = header.apply(XrayHeaders.ERROR_TOPIC)
                .orElse(record.topic().substring(0, record.topic().length() - ".dlq".length()));
        Instant at = header.apply(XrayHeaders.ERROR_AT).flatMap(PipelineActivityListener::instant)
                .orElse(Instant.ofEpochMilli(record.timestamp()));
        return new DeadLetteredImage(imageId, studyId, bodyPart, refusedOn,
                header.apply(XrayHeaders.ERROR_REASON).orElse(DeadLetteredImage.UNKNOWN),
                header.apply(XrayHeaders.ERROR_MESSAGE).orElse(""), at);
    }

    private static Optional<PreprocessedImage> preprocessedOrEmpty(byte[] value) {
        try {
            return Optional.ofNullable(value).map(v -> EventJson.fromBytes(v, PreprocessedImage.class));
        } catch (EventFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<BodyPart> bodyPart(String name) {
        try {
            return Optional.of(BodyPart.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
