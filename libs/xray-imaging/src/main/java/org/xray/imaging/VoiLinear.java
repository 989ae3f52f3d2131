package org.xray.imaging;

import java.util.function.DoubleUnaryOperator;
import org.xray.formats.VoiWindow;

/** The DICOM VOI LINEAR function (PS3.3 C.11.2.1.2.1) onto output levels 0..255. */
final class VoiLinear {

    private VoiLinear() {
    }

    static DoubleUnaryOperator of(VoiWindow window) {
        double c = window.center();
        double w = window.width();
        double below = c - 0.5 - (w - 1) / 2;
        double above = c - 0.5 + (w - 1) / 2;
        // With w == 1 no value falls between the two bounds, so the division below never sees w - 1 == 0.
        return x -> x <= below ? 0 : x > above ? 255 : ((x - (c - 0.5)) / (w - 1) + 0.5) * 255;
    }
}
