package org.xray.anomaly.bundle;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.xray.contracts.SchemaVersion;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;

/** The {@code xray.models} announcement of a written bundle: what scorers read to find and check it. */
public final class ModelManifests {

    private ModelManifests() {
    }

    /**
     * @param bundle the bundle's manifest
     * @param zip    the signed bundle bytes, as published on {@code xray.model-artifacts}
     */
    public static ModelManifest announce(BundleManifest bundle, byte[] zip, ModelStatus status, Instant publishedAt) {
        return new ModelManifest(SchemaVersion.CURRENT, bundle.name(), bundle.version(), bundle.algorithm(),
                bundle.imageSize(), status, ModelManifest.artifactKey(bundle.name(), bundle.version()),
                BundleFormat.sha256Hex(zip), zip.length, bundle.thresholds(), bundle.validationMetrics(),
                bundle.createdAt(), publishedAt, Optional.of(bundle.validationRocCurves()));
    }

    /**
     * Checks the published bundle bytes against their announcement (size and SHA-256) and the bundle's own manifest
     * against it (name, version, algorithm, image size), so a scorer never serves something other than announced.
     * The bundle's signature is checked by {@link ModelBundleReader}.
     *
     * @throws BundleVerificationException saying which of them disagrees
     */
    public static void requireArtifactMatches(ModelManifest announced, byte[] zip) {
        if (zip.length != announced.artifactBytes() || !BundleFormat.sha256Hex(zip).equals(announced.artifactSha256())) {
            throw new BundleVerificationException("the artifact " + announced.artifactKey() + " (" + zip.length
                    + " bytes) does not match the SHA-256 and size its manifest announced (" + announced.artifactBytes()
                    + " bytes): altered or replaced after publication");
        }
    }

    /**
     * The announcement is not signed, the bundle is: so the thresholds and metrics scorers act on must be the
     * bundle's, or anyone who can write to {@code xray.models} could silence alerts with a huge threshold.
     *
     * @throws BundleVerificationException when the bundle inside is not the one {@code announced} names, or its
     *                                     thresholds or metrics differ from the announced ones
     */
    public static void requireBundleMatches(ModelManifest announced, BundleManifest bundle) {
        String inside = bundle.name() + "@" + bundle.version() + " (" + bundle.algorithm() + ", " + bundle.imageSize()
                + "px)";
        String expected = announced.name() + "@" + announced.version() + " (" + announced.algorithm() + ", "
                + announced.imageSize() + "px)";
        if (!inside.equals(expected)) {
            throw new BundleVerificationException("the bundle inside " + announced.artifactKey() + " is " + inside
                    + " but its manifest announced " + expected);
        }
        if (!announced.thresholds().equals(bundle.thresholds())
                || !announced.metrics().equals(bundle.validationMetrics())
                || !announced.rocCurves().orElse(Map.of()).equals(bundle.validationRocCurves())) {
            throw new BundleVerificationException("the thresholds, metrics or ROC curves announced for " + announced.artifactKey()
                    + " (" + announced.thresholds() + ") differ from those signed in its bundle ("
                    + bundle.thresholds() + ")");
        }
    }
}
