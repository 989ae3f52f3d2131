package org.xray.trainer.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;
import org.xray.anomaly.bundle.BundleKeys;
import org.xray.anomaly.bundle.BundleManifest;
import org.xray.anomaly.bundle.ModelBundleReader;
import org.xray.anomaly.bundle.ModelManifests;
import org.xray.contracts.Limits;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.EventTypes;
import org.xray.contracts.kafka.Topics;
import org.xray.messaging.CompactedTopicReader;
import org.xray.messaging.OutgoingRecords;
import org.xray.trainer.config.TrainerConfig;

/**
 * Publishes model versions as scorers expect them: the signed bundle to {@code xray.model-artifacts} first, and only
 * once it is acknowledged its manifest to {@code xray.models}. Reads back what is published, for the promotion gate
 * and for rollbacks.
 */
@ApplicationScoped
public class ModelPublisher {

    static final String SOURCE = "trainer-service";
    private static final Logger LOG = Logger.getLogger(ModelPublisher.class);
    private static final String ZIP = "application/zip";

    private final Emitter<byte[]> artifacts;
    private final Emitter<byte[]> manifests;
    private final CompactedTopicReader reader;
    private final byte[] signingKey;
    private final Duration timeout;
    private final Clock clock = Clock.systemUTC();

    public ModelPublisher(@Channel("model-artifacts") Emitter<byte[]> artifacts,
                          @Channel("models") Emitter<byte[]> manifests,
                          @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, TrainerConfig config) {
        this.artifacts = artifacts;
        this.manifests = manifests;
        this.timeout = Duration.ofSeconds(config.publishTimeoutSeconds());
        this.reader = new CompactedTopicReader(kafkaConfig, timeout);
        this.signingKey = BundleKeys.fromHex(config.bundleSigningKey());
    }

    /**
     * The version scorers serve for {@code name}, if any. A record there that is not a valid manifest counts as no
     * current version (and is logged): it must not fail a release after hours of training.
     */
    public Optional<ModelManifest> current(String name) {
        String key = ModelManifest.topicKey(name, ModelStatus.CURRENT);
        byte[] value = reader.latest(Topics.MODELS, Limits.EVENT_MAX_MESSAGE_BYTES, key::equals).get(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.fromBytes(value, ModelManifest.class));
        } catch (RuntimeException e) {
            LOG.warnf("the current manifest of %s on %s is not valid (%s); treating %s as having none", name,
                    Topics.MODELS, e.getMessage(), name);
            return Optional.empty();
        }
    }

    /** Publishes a signed bundle, then its manifest; returns the manifest. */
    public ModelManifest publish(byte[] signedBundle, BundleManifest bundle, ModelStatus status) {
        ModelManifest manifest = ModelManifests.announce(bundle, signedBundle, status, clock.instant());
        send(artifacts, manifest.artifactKey(), signedBundle, headers(manifest.artifactKey(),
                EventTypes.MODEL_ARTIFACT, manifest, ZIP));
        announce(manifest);
        return manifest;
    }

    /**
     * Makes an earlier version current again: its bundle is still on {@code xray.model-artifacts} under its own key,
     * so only a new manifest is published.
     *
     * @throws IllegalArgumentException when no bundle of that version exists, or it does not verify
     */
    public ModelManifest rollback(String name, String version) {
        String key = ModelManifest.artifactKey(name, version);
        byte[] bundle = reader.latest(Topics.MODEL_ARTIFACTS, Limits.ARTIFACT_MAX_MESSAGE_BYTES, key::equals)
                .get(key);
        if (bundle == null) {
            throw new IllegalArgumentException("no bundle " + key + " on " + Topics.MODEL_ARTIFACTS
                    + "; versions can only be rolled back to while their bundle is kept");
        }
        BundleManifest verified = ModelBundleReader.read(bundle, signingKey).manifest();
        ModelManifest manifest = ModelManifests.announce(verified, bundle, ModelStatus.CURRENT, clock.instant());
        announce(manifest);
        return manifest;
    }

    public byte[] signingKey() {
        return signingKey.clone();
    }

    private void announce(ModelManifest manifest) {
        send(manifests, manifest.topicKey(), EventJson.toBytes(manifest), headers(manifest.artifactKey(),
                EventTypes.MODEL_MANIFEST, manifest, CloudEventHeaders.JSON_CONTENT_TYPE));
    }

    private void send(Emitter<byte[]> emitter, String key, byte[] value, Map<String, String> headers) {
        OutgoingRecords.await(OutgoingRecords.send(emitter, key, value, headers), timeout, key);
    }

    private static Map<String, String> headers(String id, String type, ModelManifest manifest, String contentType) {
        return new LinkedHashMap<>(CloudEventHeaders.binaryMode(id, type, SOURCE, manifest.publishedAt(),
                manifest.name(), contentType));
    }
}
