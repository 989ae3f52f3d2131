package org.xray.formats;

/** A DICOM VOI window (Window Center/Width, PS3.3 C.11.2.1.2), in rescaled (modality) units. */
public record VoiWindow(double center, double width) {

    public VoiWindow {
        if (!(width >= 1)) {
            throw new IllegalArgumentException("Window Width must be >= 1, was " + width);
        }
    }
}
