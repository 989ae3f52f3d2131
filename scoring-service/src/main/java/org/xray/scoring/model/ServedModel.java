package org.xray.scoring.model;

import java.time.Instant;
import java.util.List;

import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.contracts.events.ModelManifest;
import org.xray.imaging.GrayImage;

/**
 * A model version loaded and ready to score, as announced by its manifest. Batches hold on to the instance they
 * started with, so swapping in a newer version never changes a batch halfway through.
 */
public final class ServedModel {

    private final ModelManifest manifest;
    private final ModelCopies copies;
    private final Instant loadedAt;

    ServedModel(ModelManifest manifest, ModelCopies copies, Instant loadedAt) {
        this.manifest = manifest;
        this.copies = copies;
        this.loadedAt = loadedAt;
    }

    public ModelManifest manifest() {
        return manifest;
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
