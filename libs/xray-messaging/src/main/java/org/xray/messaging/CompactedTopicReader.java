package org.xray.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.xray.contracts.kafka.ClientSizing;

/**
 * Reads a compacted topic (a key-value table such as {@code xray.models}) from its start to its end as of the call,
 * with no consumer group and no commits, and returns the last value of each wanted key. Keys whose last record is a
 * tombstone are absent. Only the wanted keys' values are kept in memory.
 */
public final class CompactedTopicReader {

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;

    /** @param kafkaConfig client settings ({@code bootstrap.servers}, security); group and commit settings are dropped */
    public CompactedTopicReader(Map<String, Object> kafkaConfig, Duration timeout) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.timeout = timeout;
    }

    /**
     * @param maxMessageBytes the topic's {@code max.message.bytes}, so the largest record fits one fetch
     * @throws TimeoutException when the topic cannot be read to its end within the timeout
     */
    public Map<String, byte[]> latest(String topic, int maxMessageBytes, Predicate<String> wanted) {
        Map<String, Object> config = withoutGroup(kafkaConfig);
        config.putAll(ClientSizing.consumer(maxMessageBytes));
        Map<String, byte[]> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading " + topic + " to its end took longer than "
                            + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && wanted.test(record.key())) {
                        if (record.value() == null) {
                            found.remove(record.key());
                        } else {
                            found.put(record.key(), record.value());
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Client settings for a consumer that is assigned partitions and reads from the start each time: no consumer
     * group, no commits.
     */
    public static Map<String, Object> withoutGroup(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }
}
