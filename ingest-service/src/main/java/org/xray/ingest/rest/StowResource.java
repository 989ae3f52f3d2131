package org.xray.ingest.rest;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.xray.contracts.RejectionReason;
import org.xray.formats.ImageInspector;
import org.xray.formats.SopReference;
import org.xray.ingest.dicomweb.MalformedMultipartException;
import org.xray.ingest.dicomweb.MultipartRelated;
import org.xray.ingest.dicomweb.StoreResponse;
import org.xray.ingest.dicomweb.StoreResponse.FailureReason;
import org.xray.ingest.service.ImageIntake;
import org.xray.ingest.service.ImageRejectedException;
import org.xray.ingest.service.ImageSubmission;
import org.xray.ingest.service.IngestMetrics;
import org.xray.ingest.service.IntakeResult;
import org.xray.ingest.service.IntakeSource;
import org.xray.ingest.service.TraceIds;
import org.xray.messaging.NotAcknowledgedException;

/**
 * DICOMweb STOW-RS (PS3.18 section 10.5): a PACS or modality pushes instances as
 * {@code multipart/related; type="application/dicom"}. Each instance is accepted or refused on its own; the response
 * lists both, and a {@code Warning} header per refused instance says why in words.
 */
@Path("/dicom-web/studies")
public class StowResource {

    private static final Logger LOG = Logger.getLogger(StowResource.class);
    private static final String DICOM = "application/dicom";
    private static final String DICOM_JSON = "application/dicom+json";
    private static final int RETRY_AFTER_SECONDS = 30;

    private final ImageIntake intake;
    private final IngestMetrics metrics;

    public StowResource(ImageIntake intake, IngestMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    @POST
    @Consumes("multipart/related")
    @Produces({DICOM_JSON, "application/json"})
    public Response store(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @HeaderParam("traceparent") String traceparent, byte[] body) {
        Optional<String> rootType = MultipartRelated.parameter(contentType, "type");
        if (rootType.isPresent() && !rootType.get().equalsIgnoreCase(DICOM)) {
            metrics.rejected(IntakeSource.STOW_RS, RejectionReason.UNRECOGNIZED_FORMAT);
            return Problem.of("unsupported-media-type", "Only DICOM instances are accepted", 415,
                    "multipart/related type '" + rootType.get() + "' is not supported; send type=\"application/dicom\""
                            + " with one Part 10 instance per part").toResponse();
        }
        List<MultipartRelated.Part> parts;
        try {
            parts = MultipartRelated.parse(contentType, body);
        } catch (MalformedMultipartException e) {
            metrics.rejected(IntakeSource.STOW_RS, RejectionReason.INVALID_METADATA);
            return Problem.of("malformed-multipart", "Malformed multipart/related body", 400, e.getMessage())
                    .toResponse();
        }
        String traceId = TraceIds.fromTraceparent(Optional.ofNullable(traceparent));
        StoreResponse store = new StoreResponse();
        Response.ResponseBuilder response = Response.ok();
        for (int index = 0; index < parts.size(); index++) {
            Optional<String> refusal = storeOne(parts.get(index), traceId, store);
            int instance = index + 1;
            refusal.ifPresent(reason -> {
                LOG.warnf("STOW-RS instance %d refused: %s", instance, reason);
                response.header("Warning", "299 xray-ingest \"instance " + instance + ": " + headerSafe(reason) + "\"");
            });
        }
        if (store.httpStatus() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.status(store.httpStatus()).type(DICOM_JSON).entity(store.toDicomJson()).build();
    }

    /** Stores one part and records the outcome; returns the refusal reason in words, if any. */
    private Optional<String> storeOne(MultipartRelated.Part part, String traceId, StoreResponse store) {
        byte[] bytes = part.body();
        Optional<SopReference> sop = ImageInspector.sopReference(bytes);
        if (!part.mediaType().equalsIgnoreCase(DICOM)) {
            metrics.rejected(IntakeSource.STOW_RS, RejectionReason.UNRECOGNIZED_FORMAT);
            store.failed(sop, FailureReason.CANNOT_UNDERSTAND);
            return Optional.of("part Content-Type is '" + part.mediaType() + "', expected " + DICOM);
        }
        try {
            IntakeResult result = intake.accept(new ImageSubmission(bytes, Optional.empty(), Optional.empty(),
                    Optional.empty(), IntakeSource.STOW_RS, traceId));
            store.referenced(result.sopClassUid().orElseThrow(), result.imageId());
            return Optional.empty();
        } catch (ImageRejectedException e) {
            store.failed(sop, failureReason(e.reason()));
            return Optional.of(e.getMessage());
        } catch (NotAcknowledgedException e) {
            store.failed(sop, FailureReason.PROCESSING_FAILURE);
            return Optional.of(e.getMessage());
        }
    }

    private static FailureReason failureReason(RejectionReason reason) {
        return switch (reason) {
            case UNSUPPORTED_TRANSFER_SYNTAX -> FailureReason.TRANSFER_SYNTAX_NOT_SUPPORTED;
            case NOT_AN_IMAGE, UNSUPPORTED_MODALITY -> FailureReason.SOP_CLASS_NOT_SUPPORTED;
            case OVERSIZE -> FailureReason.OUT_OF_RESOURCES;
            case EMPTY, UNRECOGNIZED_FORMAT, CORRUPT, INVALID_METADATA, INVALID_EVENT, INVALID_ARTIFACT,
                    IMAGE_SIZE_MISMATCH, PREPROCESSING_MISMATCH, NO_BODY_PART_FOUND -> FailureReason.CANNOT_UNDERSTAND;
            case PROCESSING_FAILED, NO_MODEL -> FailureReason.PROCESSING_FAILURE;
        };
    }

    // Messages can quote values from the instance (a Modality, say): keep the header printable ASCII on one line.
    private static String headerSafe(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?").replace('"', '\'');
    }
}
