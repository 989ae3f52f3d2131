package org.xray.ingest.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.xray.ingest.service.ImageIntake;
import org.xray.ingest.service.ImageRejectedException;
import org.xray.ingest.service.ImageSubmission;
import org.xray.ingest.service.IntakeResult;
import org.xray.ingest.service.IntakeSource;
import org.xray.contracts.RejectionReason;
import org.xray.ingest.service.TraceIds;

/**
 * Upload of one PNG, JPEG or DICOM Part 10 file, as the raw body or as the {@code file} field of a multipart form.
 * The format is sniffed from the bytes; the Content-Type and file name are not trusted. A patient id comes in the
 * {@code X-Patient-Id} header (raw body) or the {@code patientId} form field, never in the URL. 202 with the image id when
 * the image is on Kafka; 200 when the same DICOM instance was already accepted.
 */
@Path("/api/v1/images")
public class ImageResource {

    // A header, not a query parameter: URLs end up in proxy and access logs, and a patient id must not.
    static final String PATIENT_ID_HEADER = "X-Patient-Id";

    private final ImageIntake intake;

    public ImageResource(ImageIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response uploadBody(byte[] body, @RestQuery String studyId, @RestQuery String bodyPart,
                               @RestHeader(PATIENT_ID_HEADER) String patientId,
                               @RestHeader("traceparent") String traceparent) {
        return accepted(submission(body, studyId, bodyPart, patientId, traceparent));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response uploadForm(@RestForm("file") FileUpload file, @RestForm String studyId,
                               @RestForm String bodyPart, @RestForm String patientId,
                               @RestHeader("traceparent") String traceparent) {
        if (file == null) {
            throw new ImageRejectedException(RejectionReason.EMPTY,
                    "the multipart form has no 'file' field; send the image as form field 'file'");
        }
        return accepted(submission(read(file), studyId, bodyPart, patientId, traceparent));
    }

    private Response accepted(ImageSubmission submission) {
        IntakeResult result = intake.accept(submission);
        return Response.status(result.duplicate() ? 200 : 202).entity(ImageAccepted.of(result)).build();
    }

    private static ImageSubmission submission(byte[] body, String studyId, String bodyPart, String patientId,
                                              String traceparent) {
        return new ImageSubmission(body == null ? new byte[0] : body, present(studyId), present(bodyPart),
                present(patientId), IntakeSource.HTTP_UPLOAD, TraceIds.fromTraceparent(present(traceparent)));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }
}
