package org.xray.ingest.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.xray.ingest.config.IngestConfig;

/**
 * Requires {@code Authorization: Bearer <token>} with one of the configured tokens on every REST endpoint
 * (health, metrics and OpenAPI under /q are not REST resources and stay open for probes and scrapers).
 * 401 without a bearer token, 403 with a wrong one.
 */
public class BearerTokenFilter {

    private static final String SCHEME = "Bearer ";

    private final IngestConfig config;

    public BearerTokenFilter(IngestConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            Response response = Problem.of("unauthenticated", "Authentication required", 401,
                            "send the header 'Authorization: Bearer <token>' with a token from xray.ingest.api-tokens")
                    .toResponse();
            return Optional.of(Response.fromResponse(response)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"xray-ingest\"").build());
        }
        String token = authorization.substring(SCHEME.length()).trim();
        if (!isConfigured(token)) {
            return Optional.of(Problem.of("forbidden", "Token not accepted", 403,
                    "the bearer token is not one of xray.ingest.api-tokens; check for a rotated or mistyped token")
                    .toResponse());
        }
        return Optional.empty();
    }

    private boolean isConfigured(String token) {
        byte[] offered = token.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String configured : config.apiTokens()) {
            // Constant-time comparison: response timing must not reveal how much of a token was right.
            match |= MessageDigest.isEqual(offered, configured.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }
}
