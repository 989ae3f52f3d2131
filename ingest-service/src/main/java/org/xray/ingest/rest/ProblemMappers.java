package org.xray.ingest.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xray.ingest.service.ImageRejectedException;
import org.xray.ingest.service.PublishFailedException;

/** Maps ingest's failures onto problem JSON; everything a client sees names the problem and the fix. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response rejected(ImageRejectedException e) {
        return Problem.of(e.code().code(), "Image refused", e.code().httpStatus(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notPublished(PublishFailedException e) {
        return Problem.of("kafka-unavailable", "Image not accepted", 503, e.getMessage()).toResponse();
    }
}
