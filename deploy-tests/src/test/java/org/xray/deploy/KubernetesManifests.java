package org.xray.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** Every document under k8s/, each parsed strictly by the model of its apiVersion and kind. */
final class KubernetesManifests {

    /** apiVersion/kind -> model. A document of any other type fails: nothing goes unchecked. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kustomize.config.k8s.io/v1beta1/Kustomization", Kustomization.class));

    static final String SCALED_OBJECT = KedaScaledObjectSchema.API_VERSION + "/ScaledObject";

    /** The namespace k8s/base/kustomization.yaml puts everything in. */
    static final String NAMESPACE = "xray";

    private static final List<Manifest> ALL = load();

    private KubernetesManifests() {
    }

    static List<Manifest> all() {
        return ALL;
    }

    /** The complete resources of {@code type}: the patches of overlays left out. */
    static <T> Stream<T> all(Class<T> type) {
        return resources().filter(manifest -> manifest.is(type)).map(manifest -> manifest.as(type));
    }

    static Stream<Manifest> resources() {
        return ALL.stream().filter(manifest -> !isPatch(manifest));
    }

    /** The partial documents that overlays merge into resources of their bases. */
    static Stream<Manifest> patches() {
        return ALL.stream().filter(KubernetesManifests::isPatch);
    }

    static Stream<Manifest> scaledObjects() {
        return resources().filter(manifest -> (manifest.apiVersion() + "/" + manifest.kind()).equals(SCALED_OBJECT));
    }

    private static boolean isPatch(Manifest manifest) {
        return ALL.stream().filter(kustomization -> kustomization.is(Kustomization.class))
                .anyMatch(kustomization -> kustomization.as(Kustomization.class).patches().stream()
                        .map(patch -> kustomization.file().getParent().resolve(patch.path()).normalize())
                        .anyMatch(manifest.file()::equals));
    }

    /** The document as its model; throws, naming the file and the problem, when it does not fit. */
    static Object parse(Path file, JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        try {
            if (type.equals(SCALED_OBJECT)) {
                Set<String> problems = KedaScaledObjectSchema.problems(document);
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException(problems.toString());
                }
                StrictYaml.strictly(document.path("metadata"), ObjectMeta.class);
                return document;
            }
            Class<?> model = MODELS.get(type);
            if (model == null) {
                throw new IllegalArgumentException("no model for " + type + "; known: " + MODELS.keySet()
                        + " and " + SCALED_OBJECT);
            }
            return StrictYaml.strictly(document, model);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(Repository.ROOT.relativize(file) + " (" + type + " "
                    + document.path("metadata").path("name").asText() + "): " + e.getMessage(), e);
        }
    }

    private static List<Manifest> load() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : Repository.kubernetesFiles()) {
            for (JsonNode document : StrictYaml.documents(file)) {
                manifests.add(new Manifest(file, document, parse(file, document)));
            }
        }
        return manifests;
    }
}
