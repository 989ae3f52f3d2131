package org.xray.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.xray.contracts.Limits;
import org.xray.contracts.json.EventJson;

/**
 * The JSON events of one topic, read from its beginning by a consumer without a group (it commits nothing and takes
 * no partition from the services), decoded with the system's own mapping. Not thread-safe.
 */
final class TopicEvents<T> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final Class<T> type;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<T> events = new ArrayList<>();

    private TopicEvents(String topic, Class<T> type, KafkaConsumer<String, byte[]> consumer) {
        this.topic = topic;
        this.type = type;
        this.consumer = consumer;
    }

    static <T> TopicEvents<T> read(String bootstrapServers, String topic, Class<T> type) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Limits.EVENT_MAX_MESSAGE_BYTES),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new TopicEvents<>(topic, type, consumer);
    }

    /**
     * The first event that matches, waiting up to {@code timeout} for it.
     *
     * @throws AssertionError when none arrives in time
     */
    T await(Predicate<T> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = events.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " on " + topic + " within " + timeout.toSeconds() + " s; "
                        + events.size() + " other events arrived");
            }
            pollOnce();
        }
    }

    /** Every matching event that has arrived once {@code during} has passed. */
    List<T> allAfter(Duration during, Predicate<T> match) {
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            pollOnce();
        }
        return events.stream().filter(match).toList();
    }

    private void pollOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            events.add(EventJson.fromBytes(record.value(), type));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
