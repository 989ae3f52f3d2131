package org.xray.driver.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.errors.TimeoutException;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanNetworks;
import org.xray.anomaly.scoring.Hyperparameters;
import org.xray.contracts.Limits;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.Topics;
import org.xray.messaging.CompactedTopicReader;

/**
 * FLOPs of one image's f-AnoGAN score (encoder, generator, and the critic's features of the image and of its
 * reconstruction), counted from the served version's layer shapes ({@link FAnoGanNetworks#scoringFlops}). The hyperparameters come
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
                    return FAnoGanNetworks.scoringFlops(Hyperparameters.parse(FAnoGanConfig.class, hyperparameters));
                });
    }

    // The benchmark can do without the figure: a topic that cannot be read in time gives none.
    private static Optional<byte[]> bundle(String bootstrapServers, String artifactKey) {
        CompactedTopicReader artifacts = new CompactedTopicReader(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), READ_TIMEOUT);
        try {
            return Optional.ofNullable(artifacts.latest(Topics.MODEL_ARTIFACTS, Limits.ARTIFACT_MAX_MESSAGE_BYTES,
                    artifactKey::equals).get(artifactKey));
        } catch (TimeoutException e) {
            return Optional.empty();
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
