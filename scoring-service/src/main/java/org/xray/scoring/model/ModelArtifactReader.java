package org.xray.scoring.model;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.xray.contracts.Limits;
import org.xray.contracts.kafka.ClientSizing;
import org.xray.contracts.kafka.Topics;

/**
 * Reads bundles by key from the compacted {@code xray.model-artifacts}, from its start to its end as of the call.
 * Only the bundles asked for are kept in memory; the others, all versions ever published, are skipped. Reading the
 * topic per load is cheap next to training, and needs no state that could go stale.
 */
final class ModelArtifactReader {

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;

    ModelArtifactReader(Map<String, Object> kafkaConfig, Duration timeout) {
        this.kafkaConfig = kafkaConfig;
        this.timeout = timeout;
    }

    /** The last bundle published under each key; keys never published, or deleted by a tombstone, are absent. */
    Map<String, byte[]> read(Set<String> artifactKeys) {
        Map<String, byte[]> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MODEL_ARTIFACTS, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new ModelRefusedException("missing-artifact", "reading " + Topics.MODEL_ARTIFACTS
                            + " to its end took longer than " + timeout.toSeconds() + " s", null);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (artifactKeys.contains(record.key())) {
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

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(ClientSizing.consumer(Limits.ARTIFACT_MAX_MESSAGE_BYTES));
        return config;
    }
}
