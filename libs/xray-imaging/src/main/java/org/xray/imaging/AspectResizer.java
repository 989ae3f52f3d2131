package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Scales an image to fit a square without distorting it, then centres it on black (level 0) padding: stretching
 * a long forearm into a square would change the shapes the model learns.
 */
final class AspectResizer {

    private AspectResizer() {
    }

    static ResizedImage resizeAndPad(Mat source, int size) {
        int sourceWidth = source.cols();
        int sourceHeight = source.rows();
        double scale = Math.min((double) size / sourceWidth, (double) size / sourceHeight);
        int width = clamp((int) Math.round(sourceWidth * scale), size);
        int height = clamp((int) Math.round(sourceHeight * scale), size);
        // Area averaging is the alias-free way to shrink; it degenerates to nearest neighbour when enlarging.
        int interpolation = scale < 1 ? INTER_AREA : INTER_LINEAR;
        Mat scaled = new Mat();
        resize(source, scaled, new Size(width, height), 0, 0, interpolation);
        int left = (size - width) / 2;
        int top = (size - height) / 2;
        Mat padded = new Mat();
        copyMakeBorder(scaled, padded, top, size - height - top, left, size - width - left, BORDER_CONSTANT,
                new Scalar(0));
        return new ResizedImage(padded, new Rect(left, top, width, height), Steps.step("resize-pad")
                .with("size", size).with("scale", scale).with("interpolation", scale < 1 ? "area" : "linear")
                .with("contentWidth", width).with("contentHeight", height).with("offsetX", left)
                .with("offsetY", top).with("padValue", 0).build());
    }

    private static int clamp(int side, int size) {
        return Math.max(1, Math.min(size, side));
    }
}
