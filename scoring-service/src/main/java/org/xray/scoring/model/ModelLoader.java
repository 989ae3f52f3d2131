package org.xray.scoring.model;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.xray.anomaly.bundle.BundleKeys;
import org.xray.anomaly.bundle.BundleVerificationException;
import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.bundle.ModelBundleReader;
import org.xray.anomaly.bundle.ModelManifests;
import org.xray.anomaly.scoring.TrainedModels;
import org.xray.contracts.events.ModelManifest;
import org.xray.scoring.config.ScoringConfig;

/** Verifies a published bundle against its manifest and the signing key, and loads it for serving. */
@ApplicationScoped
public class ModelLoader {

    private final byte[] signingKey;
    private final int copies;
    private final Clock clock;

    @Inject
    public ModelLoader(ScoringConfig config) {
        this(BundleKeys.fromHex(config.bundleSigningKey()), config.workers(), Clock.systemUTC());
    }

    ModelLoader(byte[] signingKey, int copies, Clock clock) {
        this.signingKey = signingKey.clone();
        this.copies = copies;
        this.clock = clock;
    }

    /**
     * @param artifact the bundle bytes read from {@code xray.model-artifacts} under the manifest's artifact key
     * @throws ModelRefusedException {@code invalid-artifact} when checksum, signature or contents do not match,
     *                               {@code load-failed} when the networks cannot be rebuilt
     */
    public ServedModel load(ModelManifest manifest, byte[] artifact) {
        ModelBundle bundle;
        try {
            ModelManifests.requireArtifactMatches(manifest, artifact);
            bundle = ModelBundleReader.read(artifact, signingKey);
            ModelManifests.requireBundleMatches(manifest, bundle.manifest());
        } catch (BundleVerificationException e) {
            throw new ModelRefusedException("invalid-artifact", e.getMessage(), e);
        }
        try {
            return new ServedModel(manifest, bundle.manifest().preprocessing(),
                    new ModelCopies(TrainedModels.fromBundle(bundle), copies), clock.instant());
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            // ND4J's natives failing to load, or too little memory for the copies, must not kill the follower: the
            // old version keeps serving.
            throw new ModelRefusedException("load-failed", "bundle " + manifest.artifactKey()
                    + " verified but could not be loaded: " + e.getMessage(), e);
        }
    }
}
