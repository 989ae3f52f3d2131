package org.xray.imaging;

import java.util.function.DoubleUnaryOperator;
import org.xray.formats.VoiWindow;

/** The DICOM VOI LUT Functions (PS3.3 C.11.2.1.2.1 and C.11.2.1.3) onto output levels 0..255. */
final class VoiLut {

    private VoiLut() {
    }

    static DoubleUnaryOperator of(VoiWindow window) {
        double c = window.center();
        double w = window.width();
        return switch (window.function()) {
            case LINEAR -> {
                double below = c - 0.5 - (w - 1) / 2;
                double above = c - 0.5 + (w - 1) / 2;
                // With w == 1 no value falls between the two bounds, so the division never sees w - 1 == 0.
                yield x -> x <= below ? 0 : x > above ? 255 : ((x - (c - 0.5)) / (w - 1) + 0.5) * 255;
            }
            case LINEAR_EXACT -> x -> x <= c - w / 2 ? 0 : x > c + w / 2 ? 255 : ((x - c) / w + 0.5) * 255;
            case SIGMOID -> x -> 255 / (1 + Math.exp(-4 * (x - c) / w));
        };
    }
}
