package org.xray.ingest.messaging;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.ingest.service.ImageIntake;
import org.xray.ingest.service.ImageRejectedException;
import org.xray.ingest.service.ImageSubmission;
import org.xray.ingest.service.IngestMetrics;
import org.xray.ingest.service.IntakeSource;
import org.xray.ingest.service.TraceIds;
import org.xray.messaging.DeadLetterSender;
import org.xray.messaging.KafkaHeaderMaps;
import org.xray.messaging.NotAcknowledgedException;
import org.xray.messaging.OutgoingRecords;

/**
 * Bridges a PACS topic (default {@code pacs.images}: DICOM or PNG payloads with CloudEvents binary-mode headers)
 * into {@code xray.images.raw}. A refused record goes to the topic's {@code .dlq} and the bridge goes on; so does a
 * record that fails unexpectedly (reason {@code processing-failed}). The input offset is committed only after the
 * raw image or the dead letter is acknowledged (at-least-once). When Kafka does not acknowledge, the record is not
 * dead-lettered (it is a good image): the channel fails, liveness goes down, and a restarted bridge resumes from
 * the last committed offset.
 */
@ApplicationScoped
public class PacsBridge {

    /** Optional plain patient id from the PACS side; pseudonymised here, never forwarded. */
    public static final String PATIENT_ID_HEADER = "xray-patient-id";

    private static final Logger LOG = Logger.getLogger(PacsBridge.class);
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    private static final String SERVICE = "ingest-service";

    private final ImageIntake intake;
    private final DeadLetterSender deadLetters;
    private final IngestMetrics metrics;

    public PacsBridge(ImageIntake intake, @Channel("pacs-images-dlq") Emitter<byte[]> deadLetterEmitter,
                      IngestMetrics metrics) {
        this.intake = intake;
        this.deadLetters = new DeadLetterSender(deadLetterEmitter, SERVICE);
        this.metrics = metrics;
    }

    @Incoming("pacs-images")
    @Blocking
    public void bridge(ConsumerRecord<String, byte[]> record) {
        try {
            requireCloudEventHeaders(record.headers());
            intake.accept(submissionOf(record));
        } catch (NotAcknowledgedException e) {
            throw e;
        } catch (ImageRejectedException rejection) {
            LOG.warnf("PACS record %s refused (%s): %s", DeadLetterSender.position(record), rejection.reason().code(),
                    rejection.getMessage());
            awaitDeadLetter(record, rejection.reason(), rejection.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.errorf(unexpected, "PACS record %s failed unexpectedly; dead-lettered", DeadLetterSender.position(record));
            awaitDeadLetter(record, RejectionReason.PROCESSING_FAILED, unexpected.toString());
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

    private void requireCloudEventHeaders(Headers headers) {
        Optional<String> specVersion = KafkaHeaderMaps.lastValue(headers, CloudEventHeaders.SPEC_VERSION);
        if (!specVersion.map(CloudEventHeaders.SPEC_VERSION_1_0::equals).orElse(false)) {
            throw refused("header "
                    + CloudEventHeaders.SPEC_VERSION + " must be '1.0' (CloudEvents Kafka binary mode), found "
                    + specVersion.map(v -> "'" + v + "'").orElse("none"));
        }
        for (String required : new String[] {CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE}) {
            if (KafkaHeaderMaps.lastValue(headers, required).filter(v -> !v.isBlank()).isEmpty()) {
                throw refused("required CloudEvents header " + required + " is missing or empty");
            }
        }
    }

    // These refusals happen before ImageIntake, which counts its own.
    private ImageRejectedException refused(String message) {
        metrics.rejected(IntakeSource.PACS_BRIDGE, RejectionReason.INVALID_METADATA);
        return new ImageRejectedException(RejectionReason.INVALID_METADATA, message);
    }

    // Not acknowledging the input when the dead letter fails keeps the record: the failure strategy takes over.
    private void awaitDeadLetter(ConsumerRecord<String, byte[]> record, RejectionReason reason, String message) {
        OutgoingRecords.await(deadLetters.send(record, reason, message), DEAD_LETTER_TIMEOUT,
                "the dead letter for " + DeadLetterSender.position(record));
    }
}
