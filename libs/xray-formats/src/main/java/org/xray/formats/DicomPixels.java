package org.xray.formats;

import java.util.Optional;

/**
 * The first frame of a grayscale DICOM image as stored values plus what is needed to display them: the modality
 * rescale, the VOI window when the sender gave one, and the photometric interpretation (MONOCHROME1 means high
 * values are dark). Colour images are reduced to the mean of their samples.
 *
 * @param storedValues row-major, {@code width * height} values, sign-extended when {@code signed}; owned by this
 *                     record (not copied, as images are large): do not modify
 */
public record DicomPixels(int width, int height, String photometricInterpretation, int bitsStored, boolean signed,
                          double rescaleSlope, double rescaleIntercept, Optional<VoiWindow> window,
                          int[] storedValues) {

    public DicomPixels {
        if (storedValues.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " values, got " + storedValues.length);
        }
    }

    /** True when the lowest value is displayed white (MONOCHROME1), the inverse of the usual convention. */
    public boolean invertedGrayscale() {
        return "MONOCHROME1".equals(photometricInterpretation);
    }

    /** The modality value (e.g. a calibrated intensity) of pixel {@code index}: stored value times slope plus intercept. */
    public double modalityValue(int index) {
        return storedValues[index] * rescaleSlope + rescaleIntercept;
    }
}
