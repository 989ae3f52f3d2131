package org.xray.contracts.kafka;

import java.util.Map;

/**
 * Kafka client size settings for a given topic {@code max.message.bytes}. A client that talks to several topics
 * takes the largest of them; {@link TopicSpec#maxMessageBytes()} gives the value per topic.
 */
public final class ClientSizing {

    // Kafka's own defaults; the derived sizes only ever raise them.
    private static final int DEFAULT_BUFFER_MEMORY = 32 * 1024 * 1024;
    private static final int DEFAULT_FETCH_MAX_BYTES = 50 * 1024 * 1024;

    private ClientSizing() {
    }

    /**
     * {@code max.request.size} equal to the topic's limit, so the producer never refuses what the broker accepts;
     * {@code buffer.memory} at least two such records, or a single large one could not even be buffered.
     */
    public static Map<String, String> producer(int maxMessageBytes) {
        return Map.of(
                "max.request.size", Integer.toString(maxMessageBytes),
                "buffer.memory", Long.toString(Math.max(DEFAULT_BUFFER_MEMORY, 2L * maxMessageBytes)));
    }

    /**
     * Fetch sizes that hold a whole record, so a large one comes back in one fetch rather than by Kafka's
     * oversize-batch fallback.
     */
    public static Map<String, String> consumer(int maxMessageBytes) {
        return Map.of(
                "max.partition.fetch.bytes", Integer.toString(maxMessageBytes),
                "fetch.max.bytes", Integer.toString(Math.max(DEFAULT_FETCH_MAX_BYTES, maxMessageBytes)));
    }
}
