package org.xray.deploy;

import java.util.List;

/**
 * The fields of a kustomize {@code kustomization.yaml} that k8s/ uses. There is no Java model of kustomize's types,
 * so this is one, read strictly: a field kustomize has but this record lacks fails the test until it is added here
 * on purpose.
 */
record Kustomization(String apiVersion, String kind, String namespace, List<String> resources, List<Patch> patches,
                     List<Image> images) {

    Kustomization {
        resources = resources == null ? List.of() : resources;
        patches = patches == null ? List.of() : patches;
        images = images == null ? List.of() : images;
    }

    /** A strategic-merge patch from a file. */
    record Patch(String path) {
    }

    /** Replaces an image's name or tag wherever it is used. */
    record Image(String name, String newName, String newTag) {
    }
}
