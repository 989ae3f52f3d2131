package org.xray.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.xray.contracts.BodyPart;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.events.ImageMetadata;
import org.xray.contracts.events.RawImageHeaders;
import org.xray.contracts.SchemaVersion;
import org.xray.formats.Deidentifier;
import org.xray.formats.DicomAttributes;
import org.xray.formats.ImageInspector;
import org.xray.formats.InspectedImage;
import org.xray.formats.InvalidImageException;
import org.xray.ingest.config.IngestConfig;
import org.xray.ingest.messaging.RawImagePublisher;
import org.xray.messaging.NotAcknowledgedException;
import org.xray.messaging.OutgoingRecords;

/**
 * The one path every image takes into the system, whatever the entry point: size and content checks, DICOM
 * metadata, patient pseudonym, de-identified bytes, de-duplication, then publication to {@code xray.images.raw}
 * (acknowledged by Kafka before this returns).
 */
@ApplicationScoped
public class ImageIntake {

    // Study ids become Kafka keys and file names downstream: DICOM UIDs and UUID-like ids only.
    private static final Pattern STUDY_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final IngestConfig config;
    private final PatientPseudonymizer pseudonymizer;
    private final RecentImageIds recentImageIds;
    private final RawImagePublisher publisher;
    private final IngestMetrics metrics;

    public ImageIntake(IngestConfig config, PatientPseudonymizer pseudonymizer, RecentImageIds recentImageIds,
                       RawImagePublisher publisher, IngestMetrics metrics) {
        this.config = config;
        this.pseudonymizer = pseudonymizer;
        this.recentImageIds = recentImageIds;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * @throws ImageRejectedException  when the image is refused (nothing published)
     * @throws org.xray.messaging.NotAcknowledgedException when Kafka did not acknowledge it (nothing accepted;
     *     safe to send again)
     */
    public IntakeResult accept(ImageSubmission submission) {
        metrics.received(submission.source(), submission.bytes().length);
        try {
            IntakeResult result = publishOnce(submission);
            if (result.duplicate()) {
                metrics.duplicate(submission.source());
            } else {
                metrics.accepted(submission.source(), result.format());
            }
            return result;
        } catch (ImageRejectedException e) {
            metrics.rejected(submission.source(), e.reason());
            throw e;
        }
    }

    private IntakeResult publishOnce(ImageSubmission submission) {
        byte[] bytes = submission.bytes();
        requireWithinSizeLimit(bytes.length);
        InspectedImage image = inspect(bytes);
        requireAcceptedBy(submission.source(), image);
        Optional<DicomAttributes> dicom = image.dicom();
        dicom.ifPresent(this::requireAllowedModality);

        String imageId = dicom.map(DicomAttributes::sopInstanceUid).orElseGet(() -> UUID.randomUUID().toString());
        String studyId = dicom.map(DicomAttributes::studyInstanceUid)
                .orElseGet(() -> submission.studyId().map(ImageIntake::requireValidStudyId)
                        .orElseGet(() -> UUID.randomUUID().toString()));
        BodyPart bodyPart = bodyPartOf(dicom, submission.bodyPart());
        String patientKey = pseudonymizer.pseudonymize(dicom.flatMap(DicomAttributes::patientId)
                .or(submission::patientId));
        Optional<String> sopClassUid = dicom.map(DicomAttributes::sopClassUid);

        CompletableFuture<Void> publication = new CompletableFuture<>();
        Optional<CompletableFuture<Void>> earlier = recentImageIds.claim(imageId, publication);
        if (earlier.isPresent()) {
            awaitEarlierCopy(earlier.get(), imageId);
            return new IntakeResult(imageId, studyId, bodyPart, image.format(), sopClassUid, true);
        }
        try {
            byte[] deidentified = deidentify(bytes, image, patientKey);
            ImageMetadata metadata = new ImageMetadata(imageId, studyId, bodyPart, patientKey,
                    submission.source().id(), Instant.now(), submission.traceId());
            RawImageHeaders headers = new RawImageHeaders(SchemaVersion.CURRENT, metadata, image.format(),
                    dicom.flatMap(DicomAttributes::modality));
            OutgoingRecords.await(publisher.publish(studyId, deidentified, headers), publishTimeout(),
                    "image " + imageId);
            recentImageIds.published(publication);
            return new IntakeResult(imageId, studyId, bodyPart, image.format(), sopClassUid, false);
        } catch (RuntimeException e) {
            recentImageIds.failed(imageId, publication, e);
            throw e;
        }
    }

    // A copy sent while the first is still in flight (a client retrying after a timeout) learns its real outcome.
    private void awaitEarlierCopy(CompletableFuture<Void> earlier, String imageId) {
        try {
            OutgoingRecords.await(earlier, publishTimeout(), "the earlier copy of image " + imageId);
        } catch (NotAcknowledgedException e) {
            throw new NotAcknowledgedException("an earlier copy of image " + imageId
                    + " was being published and was not accepted", e);
        }
    }

    private Duration publishTimeout() {
        return Duration.ofSeconds(config.publishTimeoutSeconds());
    }

    private static void requireAcceptedBy(IntakeSource source, InspectedImage image) {
        if (!source.accepts(image.format())) {
            throw new ImageRejectedException(RejectionReason.UNRECOGNIZED_FORMAT, source.id()
                    + " accepts DICOM Part 10 instances only; this is a " + image.format() + " file");
        }
    }

    private void requireWithinSizeLimit(int size) {
        if (size > config.maxImageBytes()) {
            throw new ImageRejectedException(RejectionReason.OVERSIZE, "the image is " + size
                    + " bytes; the limit is " + config.maxImageBytes()
                    + " bytes. Send a smaller file, e.g. re-encoded losslessly or downscaled.");
        }
    }

    private static InspectedImage inspect(byte[] bytes) {
        try {
            return ImageInspector.inspect(bytes);
        } catch (InvalidImageException e) {
            throw new ImageRejectedException(e.reason(), e.getMessage());
        }
    }

    private static byte[] deidentify(byte[] bytes, InspectedImage image, String patientKey) {
        try {
            return Deidentifier.deidentify(bytes, image, patientKey);
        } catch (InvalidImageException e) {
            throw new ImageRejectedException(e.reason(), e.getMessage());
        }
    }

    private void requireAllowedModality(DicomAttributes dicom) {
        String modality = dicom.modality().orElse("");
        if (!config.allowedModalities().contains(modality)) {
            throw new ImageRejectedException(RejectionReason.UNSUPPORTED_MODALITY, "DICOM Modality (0008,0060) is '"
                    + modality + "'; this service scores radiographs and accepts only " + config.allowedModalities()
                    + " (setting xray.ingest.allowed-modalities)");
        }
    }

    private static BodyPart bodyPartOf(Optional<DicomAttributes> dicom, Optional<String> declared) {
        Optional<String> examined = dicom.flatMap(DicomAttributes::bodyPartExamined);
        if (examined.isPresent()) {
            return BodyPart.fromDicom(examined.get());
        }
        return declared.map(ImageIntake::parseBodyPart).orElse(BodyPart.UNKNOWN);
    }

    private static BodyPart parseBodyPart(String text) {
        try {
            return BodyPart.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ImageRejectedException(RejectionReason.INVALID_METADATA, e.getMessage());
        }
    }

    private static String requireValidStudyId(String studyId) {
        if (!STUDY_ID.matcher(studyId).matches()) {
            throw new ImageRejectedException(RejectionReason.INVALID_METADATA, "study id '" + studyId
                    + "' is not valid: use 1 to 128 letters, digits, '.', '_' or '-' (a DICOM UID fits)");
        }
        return studyId;
    }

}
