package org.xray.datasets.synthetic;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.xray.contracts.BodyPart;

/**
 * What {@link SyntheticDatasetWriter} generates.
 *
 * @param imageSize            width and height of every image, 32..4096 (MURA's are larger and vary; 256 suffices
 *                             for a 64 x 64 model)
 * @param trainStudiesPerPart  studies per body part in the train split, at least 1
 * @param validStudiesPerPart  studies per body part in the valid split, at least 0
 * @param abnormalFraction     share of abnormal studies per split and part, 0..1 (MURA has about 0.4)
 * @param maxImagesPerStudy    each study gets 1..this many views, 1..4
 */
public record SyntheticDatasetSpec(long seed, int imageSize, Set<BodyPart> bodyParts, int trainStudiesPerPart,
                                   int validStudiesPerPart, double abnormalFraction, int maxImagesPerStudy) {

    public SyntheticDatasetSpec {
        Objects.requireNonNull(bodyParts, "bodyParts");
        if (imageSize < 32 || imageSize > 4096) {
            throw new IllegalArgumentException("imageSize must be 32..4096, got " + imageSize);
        }
        if (bodyParts.isEmpty() || bodyParts.contains(BodyPart.UNKNOWN)) {
            throw new IllegalArgumentException("bodyParts must name at least one MURA part and not UNKNOWN: " + bodyParts);
        }
        if (trainStudiesPerPart < 1 || validStudiesPerPart < 0) {
            throw new IllegalArgumentException("need at least 1 train and 0 valid studies per part, got "
                    + trainStudiesPerPart + " and " + validStudiesPerPart);
        }
        if (!(abnormalFraction >= 0 && abnormalFraction <= 1)) {
            throw new IllegalArgumentException("abnormalFraction must be within 0..1, got " + abnormalFraction);
        }
        if (maxImagesPerStudy < 1 || maxImagesPerStudy > 4) {
            throw new IllegalArgumentException("maxImagesPerStudy must be 1..4, got " + maxImagesPerStudy);
        }
        bodyParts = Collections.unmodifiableSet(EnumSet.copyOf(bodyParts)); // enum order, for stable output
    }

    /** All seven parts, 256 px, 40 train and 20 valid studies per part, 40 % abnormal, up to 3 views. */
    public static SyntheticDatasetSpec defaults() {
        return new SyntheticDatasetSpec(1, 256, allParts(), 40, 20, 0.4, 3);
    }

    /** MURA's seven parts (everything but UNKNOWN). */
    public static Set<BodyPart> allParts() {
        return EnumSet.complementOf(EnumSet.of(BodyPart.UNKNOWN));
    }

    public SyntheticDatasetSpec withSeed(long newSeed) {
        return new SyntheticDatasetSpec(newSeed, imageSize, bodyParts, trainStudiesPerPart, validStudiesPerPart,
                abnormalFraction, maxImagesPerStudy);
    }
}
