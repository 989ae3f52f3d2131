package org.xray.ingest.service;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Trace ids: taken from a W3C {@code traceparent} when the caller sent one, so our events join its trace. */
public final class TraceIds {

    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private TraceIds() {
    }

    public static String fromTraceparent(Optional<String> traceparent) {
        return traceparent.map(value -> TRACEPARENT.matcher(value.trim()))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .filter(id -> !id.equals(INVALID_TRACE_ID))
                .orElseGet(TraceIds::newTraceId);
    }

    private static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
