package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.createCLAHE;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.xray.contracts.events.PreprocessingStep;

/**
 * Histogram equalisation or CLAHE of the image content only: the padding would otherwise be a huge spike at level 0
 * that skews the mapping of every other level.
 */
final class ContrastEqualizer {

    private ContrastEqualizer() {
    }

    /** Equalises {@code resized.content()} in place; empty when the settings ask for none. */
    static Optional<PreprocessingStep> apply(ResizedImage resized, PreprocessingSettings settings) {
        Mat content = resized.image().apply(resized.content());
        return switch (settings.equalization()) {
            case NONE -> Optional.empty();
            case HISTOGRAM -> Optional.of(histogram(content));
            case CLAHE -> Optional.of(clahe(content, settings.claheClipLimit(), settings.claheTileGrid()));
        };
    }

    private static PreprocessingStep histogram(Mat content) {
        Mat equalized = new Mat();
        equalizeHist(content, equalized);
        equalized.copyTo(content);
        return Steps.step("histogram-equalization").build();
    }

    private static PreprocessingStep clahe(Mat content, double clipLimit, int tileGrid) {
        // A narrow crop may have fewer pixels across than the grid has tiles; one pixel per tile at least.
        int tilesX = Math.min(tileGrid, content.cols());
        int tilesY = Math.min(tileGrid, content.rows());
        Mat equalized = new Mat();
        createCLAHE(clipLimit, new Size(tilesX, tilesY)).apply(content, equalized);
        equalized.copyTo(content);
        return Steps.step("clahe").with("clipLimit", clipLimit).with("tileGridX", tilesX).with("tileGridY", tilesY)
                .build();
    }
}
