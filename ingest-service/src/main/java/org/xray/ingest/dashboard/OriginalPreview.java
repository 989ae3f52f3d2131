package org.xray.ingest.dashboard;

import org.xray.contracts.ImageFormat;
import org.xray.contracts.RejectionReason;
import org.xray.formats.DicomPixelReader;
import org.xray.formats.DicomPixels;
import org.xray.formats.GrayscalePng;
import org.xray.formats.ImageInspector;
import org.xray.formats.InvalidImageException;
import org.xray.formats.VoiWindow;

/**
 * A DICOM image drawn for a person to look at, as browsers cannot: grayscale, at most {@value #MAX_SIDE} pixels on its
 * longer side, through its VOI window when it has one (else its full range), MONOCHROME1 inverted, so that bone is
 * bright as on a viewing station. For display only: the pipeline never sees this rendering.
 */
public final class OriginalPreview {

    public static final int MAX_SIDE = 512;

    private OriginalPreview() {
    }

    /**
     * @throws InvalidImageException naming why the bytes are not a DICOM image we can draw
     */
    public static byte[] png(byte[] bytes) {
        ImageFormat format = ImageInspector.inspect(bytes).format();
        if (format != ImageFormat.DICOM) {
            throw new InvalidImageException(RejectionReason.UNRECOGNIZED_FORMAT, "previews are for DICOM; a "
                    + format + " image needs none, browsers show it as it is");
        }
        DicomPixels pixels = DicomPixelReader.read(bytes);
        return downscaled(displayValues(pixels), pixels.width(), pixels.height());
    }

    /** Display values in 0..1, row-major. */
    private static double[] displayValues(DicomPixels pixels) {
        double[] values = new double[pixels.storedValues().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = pixels.modalityValueOf(pixels.storedValues()[i]);
        }
        if (pixels.window().isPresent()) {
            windowed(values, pixels.window().get());
        } else {
            stretched(values);
        }
        if (pixels.invertedGrayscale()) {
            for (int i = 0; i < values.length; i++) {
                values[i] = 1 - values[i];
            }
        }
        return values;
    }

    // The linear VOI function (PS3.3 C.11.2.1.2) for every function: close enough for a preview.
    private static void windowed(double[] values, VoiWindow window) {
        double low = window.center() - 0.5 - (window.width() - 1) / 2;
        double range = Math.max(window.width() - 1, 1);
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, Math.min(1, (values[i] - low) / range));
        }
    }

    private static void stretched(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double range = max > min ? max - min : 1;
        for (int i = 0; i < values.length; i++) {
            values[i] = (values[i] - min) / range;
        }
    }

    // Box averaging over whole blocks keeps thin lines (fractures, screws) visible where dropping pixels would not.
    private static byte[] downscaled(double[] values, int fullWidth, int fullHeight) {
        int factor = Math.max(1, (Math.max(fullWidth, fullHeight) + MAX_SIDE - 1) / MAX_SIDE);
        int width = Math.max(1, fullWidth / factor);
        int height = Math.max(1, fullHeight / factor);
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                int count = 0;
                for (int dy = 0; dy < factor && y * factor + dy < fullHeight; dy++) {
                    for (int dx = 0; dx < factor && x * factor + dx < fullWidth; dx++) {
                        sum += values[(y * factor + dy) * fullWidth + x * factor + dx];
                        count++;
                    }
                }
                pixels[y * width + x] = (byte) Math.round(sum / count * 255);
            }
        }
        return GrayscalePng.encode(pixels, width, height);
    }
}
