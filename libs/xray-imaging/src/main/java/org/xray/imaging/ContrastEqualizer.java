package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.createCLAHE;

import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.xray.contracts.events.PreprocessingStep;

/**
 * Histogram equalisation or CLAHE of the body part's levels only: the background and padding would otherwise be a
 * huge spike at level 0 that skews the mapping of every other level, and they stay at 0.
 */
final class ContrastEqualizer {

    /**
     * Lowest level the part is mapped to: above the background's 0, so that the skin line stays visible to the
     * model.
     */
    static final int PART_FLOOR = 16;

    private ContrastEqualizer() {
    }

    /** Equalises the pixels of {@code image} where {@code region} is non-zero, in place; empty when asked for none. */
    static Optional<PreprocessingStep> apply(Mat image, Mat region, PreprocessingSettings settings) {
        return switch (settings.equalization()) {
            case NONE -> Optional.empty();
            case HISTOGRAM -> Optional.of(histogram(image, region));
            case CLAHE -> Optional.of(clahe(image, region, settings.claheClipLimit(), settings.claheTileGrid()));
        };
    }

    /**
     * Maps each level to its rank among the part's levels (the middle of its share of the cumulative histogram),
     * spread over {@link #PART_FLOOR}..255: any monotonic change of gain, gamma or offset gives the same output.
     */
    private static PreprocessingStep histogram(Mat image, Mat region) {
        byte[] pixels = Mats.bytes(image);
        byte[] inside = Mats.bytes(region);
        long[] counts = new long[256];
        long total = 0;
        for (int i = 0; i < pixels.length; i++) {
            if (inside[i] != 0) {
                counts[pixels[i] & 0xFF]++;
                total++;
            }
        }
        if (total == 0) {
            return Steps.step("histogram-equalization").with("partPixels", 0).build();
        }
        byte[] lut = new byte[256];
        long below = 0;
        for (int level = 0; level < 256; level++) {
            double rank = (below + counts[level] / 2.0) / total;
            lut[level] = (byte) Math.round(PART_FLOOR + (255 - PART_FLOOR) * rank);
            below += counts[level];
        }
        for (int i = 0; i < pixels.length; i++) {
            if (inside[i] != 0) {
                pixels[i] = lut[pixels[i] & 0xFF];
            }
        }
        image.data().put(pixels);
        return Steps.step("histogram-equalization").with("partPixels", total).with("floor", PART_FLOOR).build();
    }

    private static PreprocessingStep clahe(Mat image, Mat region, double clipLimit, int tileGrid) {
        int tilesX = Math.min(tileGrid, image.cols());
        int tilesY = Math.min(tileGrid, image.rows());
        Mat equalized = new Mat();
        createCLAHE(clipLimit, new Size(tilesX, tilesY)).apply(image, equalized);
        equalized.copyTo(image, region);
        return Steps.step("clahe").with("clipLimit", clipLimit).with("tileGridX", tilesX).with("tileGridY", tilesY)
                .build();
    }
}
