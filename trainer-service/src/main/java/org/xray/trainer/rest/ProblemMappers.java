package org.xray.trainer.rest;

import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xray.anomaly.bundle.BundleVerificationException;
import org.xray.messaging.NotAcknowledgedException;
import org.xray.trainer.service.QueueFullException;

/** Refusals as RFC 9457 problem details, with a message that says what to change. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return problem(400, "invalid-training-request", "The request cannot be used", e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NoSuchElementException e) {
        return problem(404, "not-found", "No such resource", e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return problem(409, "conflict", "Not possible in the resource's state", e.getMessage());
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(NotAcknowledgedException e) {
        return problem(503, "kafka-unavailable", "Kafka did not acknowledge the publication", e.getMessage());
    }

    @ServerExceptionMapper
    public Response queueFull(QueueFullException e) {
        return problem(429, "queue-full", "The training queue is full", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidBundle(BundleVerificationException e) {
        return problem(422, "invalid-artifact", "The model bundle does not verify", e.getMessage());
    }

    private static Response problem(int status, String type, String title, String detail) {
        return Response.status(status).type("application/problem+json").entity(Map.of("type",
                "urn:xray:problem:" + type, "title", title, "status", status, "detail", String.valueOf(detail)))
                .build();
    }
}
