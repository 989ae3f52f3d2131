package org.xray.formats;

import java.util.Objects;

/**
 * A DICOM VOI window (Window Center/Width, PS3.3 C.11.2.1.2) in rescaled (modality) units, with the VOI LUT Function
 * (0028,1056) that turns it into display levels.
 *
 * @param center   Window Center, finite
 * @param width    Window Width, finite: at least 1 for {@link LutFunction#LINEAR}, above 0 for the others
 * @param function how values inside the window map to display levels
 */
public record VoiWindow(double center, double width, LutFunction function) {

    /** The VOI LUT Functions of PS3.3 C.11.2.1.3; {@code LINEAR} when the attribute is absent. */
    public enum LutFunction {
        /** C.11.2.1.2.1: the traditional window, with its half-level offsets; width at least 1. */
        LINEAR,
        /** C.11.2.1.3.2: exactly from {@code center - width/2} to {@code center + width/2}; width above 0. */
        LINEAR_EXACT,
        /** C.11.2.1.3.1: a sigmoid through {@code center}, steepness set by {@code width}; width above 0. */
        SIGMOID
    }

    public VoiWindow {
        Objects.requireNonNull(function, "function");
        if (!Double.isFinite(center)) {
            throw new IllegalArgumentException("Window Center must be a finite number, was " + center);
        }
        if (!isUsableWidth(width, function)) {
            throw new IllegalArgumentException("Window Width must be finite and " + (function == LutFunction.LINEAR
                    ? ">= 1" : "> 0") + " for " + function + ", was " + width);
        }
    }

    /** A {@link LutFunction#LINEAR} window. */
    public VoiWindow(double center, double width) {
        this(center, width, LutFunction.LINEAR);
    }

    /** Whether {@code width} is a Window Width that {@code function} allows (PS3.3 C.11.2.1.2 and C.11.2.1.3). */
    public static boolean isUsableWidth(double width, LutFunction function) {
        return Double.isFinite(width) && (function == LutFunction.LINEAR ? width >= 1 : width > 0);
    }
}
