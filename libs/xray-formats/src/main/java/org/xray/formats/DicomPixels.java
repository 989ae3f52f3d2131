package org.xray.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The first frame of a DICOM image as stored values plus what is needed to display them: the modality rescale, the
 * VOI window when the sender gave a usable one, and the photometric interpretation (MONOCHROME1 means high values
 * are dark). RGB images are reduced to their luma (0.299 R + 0.587 G + 0.114 B); other colour interpretations are
 * refused by {@link DicomPixelReader}.
 *
 * @param bitsStored        significant bits per stored value (already moved down from High Bit and masked)
 * @param rescaleSlope      finite and non-zero; 1 when absent or unusable
 * @param rescaleIntercept  finite; 0 when absent or unusable
 * @param storedValues      row-major, {@code width * height} values, sign-extended when {@code signed}; owned by
 *                          this record (not copied, as images are large): do not modify
 * @param ignoredAttributes display attributes that were present but unusable (a non-finite number, a zero slope, a
 *                          window too narrow for its function, an unknown VOI LUT Function) and so were treated as
 *                          absent: DICOM keyword to the value as sent, in the order found; empty when none
 * @param laterality        the side the image shows as sent (L, R, B or U): Image Laterality (0020,0062), else
 *                          the series' Laterality (0020,0060); empty when neither is present
 */
public record DicomPixels(int width, int height, String photometricInterpretation, int bitsStored, boolean signed,
                          double rescaleSlope, double rescaleIntercept, Optional<VoiWindow> window,
                          int[] storedValues, Map<String, String> ignoredAttributes,
                          Optional<String> laterality) {

    public DicomPixels {
        Objects.requireNonNull(photometricInterpretation, "photometricInterpretation");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(laterality, "laterality");
        if (storedValues.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " values, got " + storedValues.length);
        }
        if (!Double.isFinite(rescaleSlope) || rescaleSlope == 0 || !Double.isFinite(rescaleIntercept)) {
            throw new IllegalArgumentException("rescale must be finite with a non-zero slope, was slope "
                    + rescaleSlope + ", intercept " + rescaleIntercept);
        }
        ignoredAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(ignoredAttributes));
    }

    /** True when the lowest value is displayed white (MONOCHROME1), the inverse of the usual convention. */
    public boolean invertedGrayscale() {
        return "MONOCHROME1".equals(photometricInterpretation);
    }

    /** The modality value (e.g. a calibrated intensity) of a stored value: stored value times slope plus intercept. */
    public double modalityValueOf(double storedValue) {
        return storedValue * rescaleSlope + rescaleIntercept;
    }
}
