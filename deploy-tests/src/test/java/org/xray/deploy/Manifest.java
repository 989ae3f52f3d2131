package org.xray.deploy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document of a file under k8s/, with its typed model where it has one (fabric8, Strimzi, {@link Kustomization}).
 *
 * @param model the strictly parsed document; for a KEDA ScaledObject, which has no Java model, the tree itself
 */
record Manifest(Path file, JsonNode tree, Object model) {

    String apiVersion() {
        return tree.path("apiVersion").asText();
    }

    String kind() {
        return tree.path("kind").asText();
    }

    String name() {
        return tree.path("metadata").path("name").asText();
    }

    <T> T as(Class<T> type) {
        return type.cast(model);
    }

    boolean is(Class<?> type) {
        return type.isInstance(model);
    }

    @Override
    public String toString() {
        return Repository.K8S.relativize(file) + " " + kind() + " " + name();
    }
}
