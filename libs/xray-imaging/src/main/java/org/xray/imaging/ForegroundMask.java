package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.xray.contracts.events.PreprocessingStep;

/**
 * An Otsu foreground mask (255 = body part, 0 = air and padding), so that scores can ignore the background.
 * Taken before equalisation: CLAHE lifts the noise in dark air regions, which would then pass the threshold.
 */
final class ForegroundMask {

    record Result(GrayImage mask, PreprocessingStep step) {
    }

    private ForegroundMask() {
    }

    static Result of(ResizedImage resized) {
        Mat mask = new Mat(resized.image().rows(), resized.image().cols(), CV_8UC1, new Scalar(0));
        Mat contentMask = mask.apply(resized.content());
        Mat binary = new Mat();
        double otsu = threshold(resized.image().apply(resized.content()), binary, 0, 255,
                THRESH_BINARY | THRESH_OTSU);
        binary.copyTo(contentMask);
        double foreground = (double) countNonZero(mask) / ((double) mask.rows() * mask.cols());
        return new Result(Mats.toGrayImage(mask), Steps.step("otsu-mask").with("otsuThreshold", otsu)
                .with("foregroundFraction", foreground).build());
    }
}
