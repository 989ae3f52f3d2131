package org.xray.datasets.synthetic;

import java.util.Objects;

/**
 * A rendered image with its ground truth: where bone is and where the anomaly was drawn (both row-major, one byte
 * per pixel, 1 inside and 0 outside). The masks let tests and heat-map evaluations check localisation.
 */
public record SyntheticRendering(SyntheticImage image, byte[] boneMask, byte[] anomalyMask) {
    public SyntheticRendering {
        Objects.requireNonNull(image, "image");
        int n = image.width() * image.height();
        if (boneMask.length != n || anomalyMask.length != n) {
            throw new IllegalArgumentException("masks must have " + n + " bytes");
        }
    }
}
