package org.xray.ingest.rest;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document.
 *
 * @param type   a URI naming the kind of problem (stable; the last segment is our rejection code)
 * @param title  short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request, and what to do about it
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://xray-anomaly.org/problems/";

    public static Problem of(String code, String title, int status, String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
