package org.xray.scoring.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.contracts.events.ModelManifest;
import org.xray.imaging.GrayImage;

/**
 * A model version loaded and ready to score, as announced by its manifest. Batches hold on to the instance they
 * started with, so swapping in a newer version never changes a batch halfway through.
 */
public final class ServedModel {

    private final ModelManifest manifest;
    private final Map<String, String> preprocessing;
    private final ModelCopies copies;
    private final Instant loadedAt;

    /** @param preprocessing the bundle's record of how its training images were prepared */
    ServedModel(ModelManifest manifest, Map<String, String> preprocessing, ModelCopies copies, Instant loadedAt) {
        this.manifest = manifest;
        this.preprocessing = Map.copyOf(preprocessing);
        this.copies = copies;
        this.loadedAt = loadedAt;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** How the training images were prepared (see {@code PreprocessingRecord}): what served images must match. */
    public Map<String, String> preprocessing() {
        return preprocessing;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** One score per image, in order; safe to call from several threads. */
    public List<AnomalyScore> score(List<GrayImage> images) {
        return copies.apply(model -> model.score(images));
    }

    /** Whether this is the version {@code other} announces, bit for bit. */
    boolean isVersionOf(ModelManifest other) {
        return manifest.version().equals(other.version()) && manifest.artifactSha256().equals(other.artifactSha256());
    }

    @Override
    public String toString() {
        return manifest.artifactKey() + " (" + manifest.status() + ")";
    }
}
