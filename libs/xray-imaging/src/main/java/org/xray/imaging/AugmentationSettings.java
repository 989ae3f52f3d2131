package org.xray.imaging;

/**
 * Ranges of the random training augmentations; each image draws uniformly within them.
 *
 * @param flipProbability     chance of a left-right mirror, 0..1 (left and right limbs are mirror images)
 * @param maxRotationDegrees  rotation drawn from [-max, max], 0..180
 * @param minZoom             smallest scale factor, &gt; 0 (below 1 zooms out, leaving black borders)
 * @param maxZoom             largest scale factor, at least {@code minZoom}
 * @param maxBrightnessShift  additive shift drawn from [-max, max], as a fraction of the full range, 0..1; applied
 *                            to content (non-zero) pixels only, padding stays 0
 * @param maxContrastFactor   contrast factor drawn from [1 - max, 1 + max] around the mean of the content (non-zero)
 *                            pixels, 0..1 (exclusive); padding stays 0
 */
public record AugmentationSettings(double flipProbability, double maxRotationDegrees, double minZoom, double maxZoom,
                                   double maxBrightnessShift, double maxContrastFactor) {

    public AugmentationSettings {
        requireIn("flipProbability", flipProbability, 0, 1);
        requireIn("maxRotationDegrees", maxRotationDegrees, 0, 180);
        if (!(minZoom > 0) || !(maxZoom >= minZoom) || Double.isInfinite(maxZoom)) {
            throw new IllegalArgumentException("zoom must satisfy 0 < minZoom <= maxZoom, was " + minZoom + ".."
                    + maxZoom);
        }
        requireIn("maxBrightnessShift", maxBrightnessShift, 0, 1);
        if (!(maxContrastFactor >= 0 && maxContrastFactor < 1)) {
            throw new IllegalArgumentException("maxContrastFactor must be in [0, 1), was " + maxContrastFactor);
        }
    }

    /** Mild, anatomy-preserving changes: flip half the time, up to 10 degrees, zoom 0.9..1.1, +-10% brightness,
     * contrast 0.8..1.2. */
    public static AugmentationSettings defaults() {
        return new AugmentationSettings(0.5, 10, 0.9, 1.1, 0.1, 0.2);
    }

    private static void requireIn(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
