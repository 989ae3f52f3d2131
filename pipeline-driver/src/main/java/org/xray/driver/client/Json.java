package org.xray.driver.client;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.xray.contracts.json.EventJson;

/** The services' JSON answers, read as trees: the driver needs a few fields of each, not their whole types. */
final class Json {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private Json() {
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new ServiceException("not JSON: " + abbreviate(text), e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
