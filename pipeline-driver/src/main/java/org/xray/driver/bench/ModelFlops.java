package org.xray.driver.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.nn.ComputeCost;
import org.xray.anomaly.scoring.Hyperparameters;
import org.xray.contracts.Limits;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.Topics;

/**
 * FLOPs of one image's f-AnoGAN score (encoder, generator, and the critic's features of the image and of its
 * reconstruction), counted from the served version's layer shapes by {@link ComputeCost}. The hyperparameters come
 * from the version's bundle manifest on {@code xray.model-artifacts}.
 */
final class ModelFlops {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private ModelFlops() {
    }

    /** Empty when the version is not an f-AnoGAN or its bundle is not on the topic. */
    static Optional<Double> perImage(String bootstrapServers, String name, String version) {
        return bundle(bootstrapServers, ModelManifest.artifactKey(name, version))
                .map(ModelFlops::manifest)
                .filter(manifest -> manifest.path("algorithm").asText().equals("fanogan"))
                .map(manifest -> {
                    Map<String, String> hyperparameters = new TreeMap<>();
                    manifest.path("hyperparameters").properties()
                            .forEach(e -> hyperparameters.put(e.getKey(), e.getValue().asText()));
                    return ComputeCost.fanoganScoringFlops(Hyperparameters.parse(FAnoGanConfig.class, hyperparameters));
                });
    }

    private static Optional<byte[]> bundle(String bootstrapServers, String artifactKey) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Limits.ARTIFACT_MAX_MESSAGE_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Limits.ARTIFACT_MAX_MESSAGE_BYTES),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MODEL_ARTIFACTS, READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(Topics.MODEL_ARTIFACTS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            byte[] latest = null;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (artifactKey.equals(record.key())) {
                        latest = record.value();
                    }
                }
            }
            return Optional.ofNullable(latest);
        }
    }

    private static JsonNode manifest(byte[] bundle) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    return EventJson.mapper().readTree(zip.readAllBytes());
                }
            }
            throw new IllegalArgumentException("the model bundle has no manifest.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model bundle", e);
        }
    }
}
