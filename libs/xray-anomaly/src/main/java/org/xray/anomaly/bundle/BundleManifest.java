package org.xray.anomaly.bundle;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.ValidationRoc;

/**
 * {@code manifest.json} of a model bundle: what the networks are, how their input must be prepared, the thresholds
 * to apply, where they came from, how well they did, and the SHA-256 of every network file. Maps are sorted
 * copies, so one manifest always serialises to the same bytes.
 *
 * @param formatVersion           the bundle format, {@link #FORMAT_VERSION}
 * @param name                    e.g. {@code fanogan/XR_HAND}
 * @param version                 the model version, e.g. {@code 2024-05-01T10-15-30Z}
 * @param algorithm               {@code fanogan} or {@code alphagan}
 * @param imageSize               the square input size in pixels, e.g. 64
 * @param preprocessing           the preprocessing settings the networks were trained with
 * @param thresholds              anomaly thresholds by body part name ({@code XR_HAND}); a score at or above is
 *                                abnormal
 * @param trainingDataFingerprint identifies the exact training data, e.g. a SHA-256 over the sorted image list
 * @param hyperparameters         training settings, as text
 * @param validationMetrics       metrics on the validation split, e.g. {@code XR_HAND.rocAuc}, {@code kappa}
 * @param validationRocCurves     image-level ROC curves on the validation split by body part name, for display;
 *                                empty in bundles written before they were recorded
 * @param entrySha256             network file name to lowercase hex SHA-256 of its bytes; filled in by
 *                                {@link ModelBundle}, so may be empty when building a bundle
 */
public record BundleManifest(
        int formatVersion,
        String name,
        String version,
        String algorithm,
        int imageSize,
        Map<String, String> preprocessing,
        Map<String, Double> thresholds,
        String trainingDataFingerprint,
        Map<String, String> hyperparameters,
        Map<String, Double> validationMetrics,
        Map<String, ValidationRoc> validationRocCurves,
        Instant createdAt,
        Map<String, String> entrySha256) {

    /** The format this code writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /** @throws IllegalArgumentException naming the field that is missing or invalid */
    public BundleManifest {
        if (formatVersion < 1) {
            throw new IllegalArgumentException("BundleManifest.formatVersion must be >= 1, was " + formatVersion);
        }
        nonBlank(name, "name");
        nonBlank(version, "version");
        nonBlank(algorithm, "algorithm");
        if (imageSize < 1) {
            throw new IllegalArgumentException("BundleManifest.imageSize must be >= 1, was " + imageSize);
        }
        preprocessing = sortedText(preprocessing, "preprocessing");
        thresholds = sortedFinite(thresholds, "thresholds");
        for (String part : thresholds.keySet()) {
            if (Arrays.stream(BodyPart.values()).noneMatch(p -> p.name().equals(part))) {
                throw new IllegalArgumentException("BundleManifest.thresholds key '" + part + "' is not one of "
                        + Arrays.toString(BodyPart.values()));
            }
        }
        nonBlank(trainingDataFingerprint, "trainingDataFingerprint");
        hyperparameters = sortedText(hyperparameters, "hyperparameters");
        validationMetrics = sortedFinite(validationMetrics, "validationMetrics");
        validationRocCurves = validationRocCurves == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(validationRocCurves));
        if (createdAt == null) {
            throw new IllegalArgumentException("BundleManifest.createdAt is required");
        }
        entrySha256 = sortedText(entrySha256, "entrySha256");
        entrySha256.forEach((entry, sha) -> {
            BundleFormat.requireEntryName(entry);
            if (!BundleFormat.isSha256Hex(sha)) {
                throw new IllegalArgumentException("BundleManifest.entrySha256." + entry
                        + " must be 64 lowercase hex digits");
            }
        });
    }

    /** This manifest with the given entry checksums in place of its own. */
    public BundleManifest withEntrySha256(Map<String, String> checksums) {
        return new BundleManifest(formatVersion, name, version, algorithm, imageSize, preprocessing, thresholds,
                trainingDataFingerprint, hyperparameters, validationMetrics, validationRocCurves, createdAt, checksums);
    }

    private static void nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("BundleManifest." + field + " is required and must not be blank");
        }
    }

    private static Map<String, String> sortedText(Map<String, String> values, String field) {
        if (values == null) {
            throw new IllegalArgumentException("BundleManifest." + field + " is required (may be empty)");
        }
        values.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException("BundleManifest." + field + " has a null key or value");
            }
        });
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }

    private static Map<String, Double> sortedFinite(Map<String, Double> values, String field) {
        if (values == null) {
            throw new IllegalArgumentException("BundleManifest." + field + " is required (may be empty)");
        }
        values.forEach((key, value) -> {
            if (key == null || value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("BundleManifest." + field + "." + key
                        + " must be a finite number, was " + value);
            }
        });
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
