package org.xray.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Kafka headers as the UTF-8 strings the contracts define them to be. */
public final class KafkaHeaderMaps {

    private KafkaHeaderMaps() {
    }

    public static Headers toKafka(Map<String, String> headers) {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach((name, value) -> kafka.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return kafka;
    }

    /** The last value of a header (Kafka allows repeats; the last one wins, as for HTTP overrides). */
    public static Optional<String> lastValue(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** A header lookup in the shape the contracts' {@code fromHeaders} methods take. */
    public static Function<String, Optional<String>> reader(Headers headers) {
        return name -> lastValue(headers, name);
    }
}
