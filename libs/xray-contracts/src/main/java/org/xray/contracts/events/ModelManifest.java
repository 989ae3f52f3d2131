package org.xray.contracts.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.xray.contracts.BodyPart;
import org.xray.contracts.ContractViolationException;
import org.xray.contracts.Limits;

/**
 * The value on {@code xray.models} (compacted, keyed by {@code name}): the version of a model scorers should load.
 * The bundle itself travels on {@code xray.model-artifacts} under {@link #artifactKey}.
 *
 * @param name           e.g. {@code fanogan/XR_HAND}
 * @param algorithm      {@code fanogan} or {@code alphagan}
 * @param imageSize      the square input size in pixels, e.g. 64
 * @param artifactKey    {@code name@version}, the bundle's key on the artifacts topic
 * @param artifactSha256 lowercase hex SHA-256 of the bundle bytes; scorers refuse a bundle that does not match
 * @param thresholds     anomaly thresholds by body part name ({@code XR_HAND}), calibrated on the validation split
 * @param metrics        validation metrics, e.g. {@code XR_HAND.rocAuc}, {@code kappa}
 * @param rocCurves      validation ROC curves by body part name, for display; absent from writers that predate them
 */
public record ModelManifest(
        int schemaVersion,
        String name,
        String version,
        String algorithm,
        int imageSize,
        ModelStatus status,
        String artifactKey,
        String artifactSha256,
        long artifactBytes,
        Map<String, Double> thresholds,
        Map<String, Double> metrics,
        Instant createdAt,
        Instant publishedAt,
        Optional<Map<String, ValidationRoc>> rocCurves) {

    private static final String CHALLENGER_KEY_SUFFIX = "#challenger";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ModelManifest {
        Require.schemaVersion(schemaVersion, "ModelManifest");
        Require.nonBlank(name, "ModelManifest.name");
        Require.nonBlank(version, "ModelManifest.version");
        Require.nonBlank(algorithm, "ModelManifest.algorithm");
        Require.atLeast(imageSize, 1, "ModelManifest.imageSize");
        Require.nonNull(status, "ModelManifest.status");
        Require.equal(Require.nonBlank(artifactKey, "ModelManifest.artifactKey"), artifactKey(name, version),
                "ModelManifest.artifactKey");
        if (!SHA256_HEX.matcher(Require.nonNull(artifactSha256, "ModelManifest.artifactSha256")).matches()) {
            throw new ContractViolationException("ModelManifest.artifactSha256 must be 64 lowercase hex digits");
        }
        Require.atLeast(artifactBytes, 1, "ModelManifest.artifactBytes");
        if (artifactBytes > Limits.MAX_ARTIFACT_BYTES) {
            throw new ContractViolationException("ModelManifest.artifactBytes " + artifactBytes
                    + " exceeds the artifact limit of " + Limits.MAX_ARTIFACT_BYTES + " bytes");
        }
        thresholds = Require.sortedFiniteCopy(thresholds, "ModelManifest.thresholds");
        thresholds.keySet().forEach(key -> requireBodyPartName("thresholds", key));
        metrics = Require.sortedFiniteCopy(metrics, "ModelManifest.metrics");
        Require.nonNull(createdAt, "ModelManifest.createdAt");
        Require.nonNull(publishedAt, "ModelManifest.publishedAt");
        rocCurves = Require.nonNull(rocCurves, "ModelManifest.rocCurves")
                .map(curves -> Collections.unmodifiableMap(new TreeMap<>(curves)));
        rocCurves.ifPresent(curves -> curves.keySet().forEach(key -> requireBodyPartName("rocCurves", key)));
    }

    /**
     * This manifest's key on the compacted {@code xray.models}: the model name for the CURRENT version, the name plus
     * {@code #challenger} for a CHALLENGER, so that publishing a challenger never compacts away the current version.
     */
    public String topicKey() {
        return topicKey(name, status);
    }

    /** The key on {@code xray.models} of model {@code name}'s version in the given role. */
    public static String topicKey(String name, ModelStatus status) {
        return status == ModelStatus.CURRENT ? name : name + CHALLENGER_KEY_SUFFIX;
    }

    /** The bundle's key on {@code xray.model-artifacts}: each version is kept apart from the others. */
    public static String artifactKey(String name, String version) {
        return name + "@" + version;
    }

    private static void requireBodyPartName(String field, String key) {
        if (Arrays.stream(BodyPart.values()).noneMatch(part -> part.name().equals(key))) {
            throw new ContractViolationException("ModelManifest." + field + " key '" + key + "' is not one of "
                    + Arrays.toString(BodyPart.values()));
        }
    }
}
