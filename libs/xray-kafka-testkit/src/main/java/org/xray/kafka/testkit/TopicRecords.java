package org.xray.kafka.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a topic that several tests share, keeping only the records whose header has the expected value. */
public final class TopicRecords {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicRecords() {
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Waits for exactly {@code count} matching records, then checks no further match arrives for a moment. */
    public static List<ConsumerRecord<String, byte[]>> await(KafkaCompanion companion, String topic, String header,
                                                             String value, int count) {
        ConsumerTask<String, byte[]> task = companion
                .<String, byte[]>consumeWithDeserializers(new StringDeserializer(), new ByteArrayDeserializer())
                .fromTopics(Set.of(topic), records -> records.filter(r -> header(r, header).orElse("").equals(value)));
        try {
            task.awaitRecords(count, TIMEOUT);
            Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> task.count() == count);
            return List.copyOf(task.getRecords());
        } finally {
            task.stop();
        }
    }
}
