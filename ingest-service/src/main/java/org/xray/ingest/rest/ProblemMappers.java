package org.xray.ingest.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xray.contracts.RejectionReason;
import org.xray.formats.InvalidImageException;
import org.xray.ingest.service.ImageRejectedException;
import org.xray.messaging.NotAcknowledgedException;

/** Maps ingest's failures onto problem JSON; everything a client sees names the problem and the fix. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response rejected(ImageRejectedException e) {
        return Problem.of(e.reason().code(), "Image refused", httpStatus(e.reason()), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response undrawable(InvalidImageException e) {
        return Problem.of(e.reason().code(), "Image cannot be shown", httpStatus(e.reason()), e.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response notPublished(NotAcknowledgedException e) {
        return Problem.of("kafka-unavailable", "Image not accepted", 503,
                e.getMessage() + "; the image was not accepted, send it again").toResponse();
    }

    static int httpStatus(RejectionReason reason) {
        return switch (reason) {
            case EMPTY, INVALID_METADATA, INVALID_EVENT -> 400;
            case OVERSIZE -> 413;
            case UNRECOGNIZED_FORMAT, UNSUPPORTED_TRANSFER_SYNTAX -> 415;
            case CORRUPT, NOT_AN_IMAGE, UNSUPPORTED_MODALITY, INVALID_ARTIFACT, IMAGE_SIZE_MISMATCH,
                 PREPROCESSING_MISMATCH, NO_BODY_PART_FOUND -> 422;
            case PROCESSING_FAILED, NO_MODEL -> 500;
        };
    }
}
