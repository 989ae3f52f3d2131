package org.xray.ingest.messaging;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.ingest.service.ImageIntake;
import org.xray.ingest.service.ImageRejectedException;
import org.xray.ingest.service.ImageSubmission;
import org.xray.ingest.service.IntakeSource;
import org.xray.contracts.RejectionReason;
import org.xray.ingest.service.TraceIds;
import org.xray.messaging.KafkaHeaderMaps;
import org.xray.messaging.OutgoingRecords;

/**
 * Bridges a PACS topic (default {@code pacs.images}: DICOM or PNG payloads with CloudEvents binary-mode headers)
 * into {@code xray.images.raw}. A refused record goes to the topic's {@code .dlq} and the bridge goes on; the input
 * offset is committed only after the raw image or the dead letter is acknowledged (at-least-once).
 */
@ApplicationScoped
public class PacsBridge {

    /** Optional plain patient id from the PACS side; pseudonymised here, never forwarded. */
    public static final String PATIENT_ID_HEADER = "xray-patient-id";

    private static final Logger LOG = Logger.getLogger(PacsBridge.class);
    private static final String CLOUDEVENTS_SPEC_VERSION = "1.0";
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    private final ImageIntake intake;
    private final DeadLetterPublisher deadLetters;

    public PacsBridge(ImageIntake intake, DeadLetterPublisher deadLetters) {
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    @Incoming("pacs-images")
    @Blocking
    public void bridge(ConsumerRecord<String, byte[]> record) {
        try {
            requireCloudEventHeaders(record.headers());
            intake.accept(submissionOf(record));
        } catch (ImageRejectedException rejection) {
            LOG.warnf("PACS record %s-%d@%d refused (%s): %s", record.topic(), record.partition(), record.offset(),
                    rejection.reason().code(), rejection.getMessage());
            awaitDeadLetter(record, rejection);
        }
    }

    private static ImageSubmission submissionOf(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        return new ImageSubmission(payload,
                KafkaHeaderMaps.lastValue(headers, XrayHeaders.STUDY_ID),
                KafkaHeaderMaps.lastValue(headers, XrayHeaders.BODY_PART),
                KafkaHeaderMaps.lastValue(headers, PATIENT_ID_HEADER),
                IntakeSource.PACS_BRIDGE,
                TraceIds.fromTraceparent(KafkaHeaderMaps.lastValue(headers, "traceparent")));
    }

    private static void requireCloudEventHeaders(Headers headers) {
        Optional<String> specVersion = KafkaHeaderMaps.lastValue(headers, CloudEventHeaders.SPEC_VERSION);
        if (!specVersion.map(CLOUDEVENTS_SPEC_VERSION::equals).orElse(false)) {
            throw new ImageRejectedException(RejectionReason.INVALID_METADATA, "header "
                    + CloudEventHeaders.SPEC_VERSION + " must be '1.0' (CloudEvents Kafka binary mode), found "
                    + specVersion.map(v -> "'" + v + "'").orElse("none"));
        }
        for (String required : new String[] {CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE}) {
            if (KafkaHeaderMaps.lastValue(headers, required).filter(v -> !v.isBlank()).isEmpty()) {
                throw new ImageRejectedException(RejectionReason.INVALID_METADATA,
                        "required CloudEvents header " + required + " is missing or empty");
            }
        }
    }

    // Not acknowledging the input when the dead letter fails keeps the record: the failure strategy takes over.
    private void awaitDeadLetter(ConsumerRecord<String, byte[]> record, ImageRejectedException rejection) {
        OutgoingRecords.await(deadLetters.publish(record, rejection), DEAD_LETTER_TIMEOUT,
                "the dead letter for " + record.topic() + "-" + record.partition() + "@" + record.offset());
    }
}
