package org.xray.contracts.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The one JSON mapping of our events, so every service writes and reads them identically. */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            // Instants as ISO-8601 text ("2024-05-01T10:15:30Z"), readable by any JSON consumer.
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // An empty Optional is left out rather than written as null.
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            // Schema changes are additive only: a reader ignores fields added after it was built.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A missing or null number or flag is an error, not a silent 0 or false.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    /** A copy of the configured mapper, for frameworks that want one; the shared instance stays untouched. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** The event as UTF-8 JSON. */
    public static byte[] toBytes(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("cannot write " + event.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads one event.
     *
     * @throws EventFormatException naming the event type, the field path and the position of the problem
     */
    public static <T> T fromBytes(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new EventFormatException("invalid " + type.getSimpleName() + " JSON: " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        if (!(e instanceof JsonProcessingException processing)) {
            return e.getMessage();
        }
        // A constructor's own check says best what is wrong, so it replaces Jackson's "Cannot construct ...".
        String problem = processing instanceof ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage()
                : processing.getOriginalMessage();
        StringBuilder text = new StringBuilder(problem);
        if (processing instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            text.append(" (at ").append(path(mapping)).append(')');
        }
        JsonLocation location = processing.getLocation();
        if (location != null) {
            text.append(", line ").append(location.getLineNr()).append(" column ").append(location.getColumnNr());
        }
        return text.toString();
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
