package org.xray.ingest.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.events.ValidationRoc;

/**
 * Every model version announced on {@code xray.models} since this replica read it from the beginning, with its role
 * now: the latest manifest under a model's name is its CURRENT version, under {@code name#challenger} its
 * CHALLENGER; a tombstone under the name retires the current version; any other version seen was SUPERSEDED.
 */
@ApplicationScoped
public class ModelCatalog {

    public enum Role { CURRENT, CHALLENGER, SUPERSEDED, RETIRED }

    /** One model version as the web app lists it. */
    public record ModelVersion(String name, String version, String algorithm, int imageSize, Role status,
                               Instant publishedAt, Instant createdAt, Map<String, Double> thresholds,
                               Map<String, Double> metrics, Map<String, ValidationRoc> rocCurves) {
    }

    private final Map<String, ModelManifest> versions = new LinkedHashMap<>();
    private final Map<String, String> versionByTopicKey = new HashMap<>();
    private final Set<String> retired = new HashSet<>();

    /** A manifest read from {@code xray.models} under {@code topicKey}; empty for a tombstone. */
    public synchronized void announced(String topicKey, Optional<ModelManifest> manifest) {
        if (manifest.isEmpty()) {
            Optional.ofNullable(versionByTopicKey.remove(topicKey)).ifPresent(retired::add);
            return;
        }
        ModelManifest model = manifest.get();
        String id = id(model.name(), model.version());
        versions.put(id, model);
        retired.remove(id);
        versionByTopicKey.put(topicKey, id);
    }

    /** Newest publication first. */
    public synchronized List<ModelVersion> versions() {
        List<ModelVersion> list = new ArrayList<>();
        versions.forEach((id, m) -> list.add(new ModelVersion(m.name(), m.version(), m.algorithm(), m.imageSize(),
                roleOf(id, m.name()), m.publishedAt(), m.createdAt(), m.thresholds(), m.metrics(),
                m.rocCurves().orElse(Map.of()))));
        list.sort(Comparator.comparing(ModelVersion::publishedAt).reversed());
        return list;
    }

    private Role roleOf(String id, String name) {
        if (id.equals(versionByTopicKey.get(ModelManifest.topicKey(name, ModelStatus.CURRENT)))) {
            return Role.CURRENT;
        }
        if (id.equals(versionByTopicKey.get(ModelManifest.topicKey(name, ModelStatus.CHALLENGER)))) {
            return Role.CHALLENGER;
        }
        return retired.contains(id) ? Role.RETIRED : Role.SUPERSEDED;
    }

    private static String id(String name, String version) {
        return ModelManifest.artifactKey(name, version);
    }
}
