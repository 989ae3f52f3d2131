package org.xray.datasets.synthetic;

import java.util.Objects;
import java.util.Optional;
import org.xray.contracts.BodyPart;

/**
 * A rendered synthetic radiograph.
 *
 * @param pixels  8-bit gray, row-major, {@code width * height} bytes (read with {@code & 0xff})
 * @param anomaly the abnormality drawn, empty for a normal image
 */
public record SyntheticImage(int width, int height, byte[] pixels, BodyPart bodyPart, Optional<AnomalyKind> anomaly) {
    public SyntheticImage {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(bodyPart, "bodyPart");
        Objects.requireNonNull(anomaly, "anomaly");
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("pixels must hold width*height = " + width + "*" + height
                    + " bytes but has " + pixels.length);
        }
    }

    public boolean abnormal() {
        return anomaly.isPresent();
    }

    /** Pixel value 0..255 at column x, row y. */
    public int gray(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }
}
