package org.xray.scoring.model;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.xray.contracts.Limits;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.Topics;
import org.xray.messaging.CompactedTopicReader;

/**
 * Follows {@code xray.models} and keeps {@link ModelRegistry} serving what it announces. Every scorer replica must see
 * every manifest from the beginning of the topic, which a consumer group (sharing partitions, resuming from commits)
 * cannot express: so this is a plain consumer on its own thread, assigned the whole topic. Loading happens on that
 * thread, in topic order, while the previous versions keep serving.
 *
 * <p>At start-up it reads the topic to its end, loads the last manifest of each key, then marks the registry caught
 * up; scoring waits for that. A tombstone (null value) retires the key's version.
 */
@ApplicationScoped
public class ModelFollower {

    private static final Logger LOG = Logger.getLogger(ModelFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration ARTIFACT_READ_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final ModelRegistry registry;
    private final ModelLoader loader;
    private final MeterRegistry metrics;
    private final Map<String, Object> kafkaConfig;
    private final CompactedTopicReader artifacts;
    private final Clock clock = Clock.systemUTC();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    public ModelFollower(ModelRegistry registry, ModelLoader loader, MeterRegistry metrics,
                         @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.registry = registry;
        this.loader = loader;
        this.metrics = metrics;
        this.kafkaConfig = kafkaConfig;
        this.artifacts = new CompactedTopicReader(kafkaConfig, ARTIFACT_READ_TIMEOUT);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::follow, "model-follower");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    // Kafka being unreachable, or the topic not created yet, must not stop model updates for good: retry.
    private void follow() {
        while (running) {
            try {
                followFromTheStart();
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("model follower woken unexpectedly; restarting it");
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "following %s failed; retrying in %d s", Topics.MODELS, RETRY.toSeconds());
                metrics.counter("xray.scoring.model.follower.failures").increment();
                pause(RETRY);
            }
        }
    }

    private void followFromTheStart() {
        try (KafkaConsumer<String, byte[]> models = new KafkaConsumer<>(
                CompactedTopicReader.withoutGroup(kafkaConfig), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = models;
            List<TopicPartition> partitions = partitions(models);
            models.assign(partitions);
            models.seekToBeginning(partitions);
            Map<TopicPartition, Long> startUpEnd = models.endOffsets(partitions);
            Map<String, Optional<ModelManifest>> pending = new LinkedHashMap<>();
            // Per read from the start: applying before this read has caught up could load a superseded version.
            boolean caughtUp = false;
            while (running) {
                for (ConsumerRecord<String, byte[]> record : models.poll(POLL)) {
                    if (record.value() == null) {
                        pending.put(record.key(), Optional.empty());
                    } else {
                        parse(record).ifPresent(manifest -> pending.put(record.key(), Optional.of(manifest)));
                    }
                }
                caughtUp = caughtUp || partitions.stream().allMatch(p -> models.position(p) >= startUpEnd.get(p));
                if (caughtUp) {
                    apply(pending);
                    pending.clear();
                    if (!registry.isCaughtUp()) {
                        LOG.infof("models caught up: serving %s", registry.served());
                        registry.markCaughtUp();
                    }
                }
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> models) {
        while (running) {
            List<TopicPartition> partitions = models.partitionsFor(Topics.MODELS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            LOG.warnf("topic %s does not exist yet; create the topics (docs/configuration.md). Retrying in %d s",
                    Topics.MODELS, RETRY.toSeconds());
            pause(RETRY);
        }
        throw new WakeupException();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<ModelManifest> parse(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(EventJson.fromBytes(record.value(), ModelManifest.class));
        } catch (RuntimeException e) {
            refuse(String.valueOf(record.key()), "?", "invalid-manifest", "the manifest at " + Topics.MODELS + "@"
                    + record.offset() + " is not a valid ModelManifest: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The latest manifest per key, empty for a tombstone. */
    private void apply(Map<String, Optional<ModelManifest>> latest) {
        Map<String, ModelManifest> toLoad = new LinkedHashMap<>();
        latest.forEach((key, manifest) -> {
            if (manifest.isEmpty()) {
                registry.retire(key);
                LOG.infof("model %s retired (tombstone on %s)", key, Topics.MODELS);
            } else if (registry.serving(manifest.get().topicKey()).filter(m -> m.isVersionOf(manifest.get()))
                    .isEmpty()) {
                toLoad.put(manifest.get().topicKey(), manifest.get());
            }
        });
        if (toLoad.isEmpty()) {
            return;
        }
        Set<String> artifactKeys = toLoad.values().stream().map(ModelManifest::artifactKey)
                .collect(Collectors.toSet());
        // A failure to read the artifacts topic is Kafka's, not the version's: it propagates, and the follower reads
        // everything again after a pause.
        Map<String, byte[]> bundles = artifacts.latest(Topics.MODEL_ARTIFACTS, Limits.ARTIFACT_MAX_MESSAGE_BYTES,
                artifactKeys::contains);
        toLoad.values().forEach(manifest -> load(manifest, bundles.get(manifest.artifactKey())));
    }

    private void load(ModelManifest manifest, byte[] bundle) {
        if (bundle == null) {
            refuse(manifest.topicKey(), manifest.version(), "missing-artifact", "no bundle under "
                    + manifest.artifactKey() + " on " + Topics.MODEL_ARTIFACTS
                    + "; publish the bundle before its manifest");
            return;
        }
        try {
            ServedModel model = loader.load(manifest, bundle);
            Optional<ServedModel> previous = registry.serving(manifest.topicKey());
            registry.serve(model);
            metrics.counter("xray.scoring.models.loaded").increment();
            LOG.infof("now serving %s (was %s)", model, previous.map(ServedModel::toString).orElse("none"));
        } catch (ModelRefusedException e) {
            refuse(manifest.topicKey(), manifest.version(), e.reason(), e.getMessage());
        }
    }

    private void refuse(String topicKey, String version, String reason, String message) {
        LOG.errorf("model %s version %s refused (%s): %s; the previous version, if any, keeps serving", topicKey,
                version, reason, message);
        registry.refused(new ModelRefusal(topicKey, version, reason, message, clock.instant()));
        metrics.counter("xray.scoring.models.refused", "reason", reason).increment();
    }
}
