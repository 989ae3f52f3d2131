package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.xray.contracts.events.PreprocessingStep;

/**
 * Frames a radiograph the same way every time: finds the whole body part ({@link BodyPartSegmenter}), estimates its
 * pose ({@link PartPose}) and, with {@link Framing#CANONICAL}, samples the part's box turned upright (long axis
 * vertical, distal end up), mirrored to one laterality, with everything outside the part (air, collimation bands,
 * lead markers) set to background level 0. With {@link Framing#WHOLE_IMAGE} the image is kept as it is and only the
 * part mask is made. The part is found on a view of at most {@link #ANALYSIS_SIDE} pixels and the crop sampled from
 * one of at most {@link #VIEW_SIDE}, more than the 256-pixel largest model input needs. Stateless and thread-safe.
 */
final class RadiographFramer {

    /** Longest side of the view the crop is sampled from. */
    static final int VIEW_SIDE = 512;
    /** Longest side of the view the part and its pose are found in: a 0.4 % grid is enough for a box. */
    static final int ANALYSIS_SIDE = 256;

    /**
     * @param image the framed image, 8-bit, background 0 outside the part when canonical
     * @param mask  255 on the part, 0 elsewhere, same size
     */
    record Framed(Mat image, Mat mask, PreprocessingStep step) {
    }

    private RadiographFramer() {
    }

    /** @throws org.xray.formats.InvalidImageException {@code no-body-part-found} when there is no part to frame */
    static Framed frame(Mat gray, Framing framing, PartFraming part, Laterality laterality) {
        Mat view = downscaled(gray, VIEW_SIDE);
        Mat analysis = downscaled(view, ANALYSIS_SIDE);
        double analysisToInput = (double) gray.cols() / analysis.cols();
        BodyPartSegmenter.Segmentation segmentation = BodyPartSegmenter.segment(analysis);
        Mat mask = new Mat();
        resize(segmentation.mask(), mask, view.size(), 0, 0, INTER_LINEAR);
        threshold(mask, mask, 127, 255, THRESH_BINARY);
        Steps.Builder step = Steps.step("frame").with("framing", framing.name())
                .with("airThreshold", segmentation.threshold()).with("coverage", segmentation.coverage())
                .with("fieldX", segmentation.field().x() * analysisToInput)
                .with("fieldY", segmentation.field().y() * analysisToInput)
                .with("fieldWidth", segmentation.field().width() * analysisToInput)
                .with("fieldHeight", segmentation.field().height() * analysisToInput);
        if (framing == Framing.WHOLE_IMAGE) {
            return new Framed(view, mask, step.build());
        }
        PartPose pose = PartPose.of(Mats.bytes(segmentation.mask()), Mats.bytes(analysis), analysis.cols(),
                segmentation.field(), part, laterality).scaled((double) view.cols() / analysis.cols());
        double scale = (double) gray.cols() / view.cols();
        double marginX = part.margin() * pose.width();
        double marginY = part.margin() * pose.height();
        double left = pose.left() - marginX;
        double top = pose.top() - marginY;
        int width = Math.max(1, (int) Math.round(pose.width() + 2 * marginX));
        int height = Math.max(1, (int) Math.round(pose.height() + 2 * marginY));
        // Output pixel (x, y) has its centre at right * (left + x + 0.5) + down * (top + y + 0.5) from the
        // centroid, where down = -up.
        Mat outputToView = new Mat(2, 3, CV_64F);
        try (DoubleIndexer m = outputToView.createIndexer()) {
            m.put(0, 0, pose.rightX()).put(0, 1, -pose.upX())
                    .put(0, 2, pose.centerX() + (left + 0.5) * pose.rightX() - (top + 0.5) * pose.upX());
            m.put(1, 0, pose.rightY()).put(1, 1, -pose.upY())
                    .put(1, 2, pose.centerY() + (left + 0.5) * pose.rightY() - (top + 0.5) * pose.upY());
        }
        Size size = new Size(width, height);
        Mat framed = new Mat();
        warpAffine(view, framed, outputToView, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT,
                new Scalar(0));
        Mat framedMask = new Mat();
        warpAffine(mask, framedMask, outputToView, size, INTER_LINEAR | WARP_INVERSE_MAP,
                BORDER_CONSTANT, new Scalar(0));
        threshold(framedMask, framedMask, 127, 255, THRESH_BINARY);
        bitwise_and(framed, framedMask, framed);
        step.with("angle", pose.angleDegrees()).with("elongation", pose.elongation())
                .with("flipped", pose.flipped()).with("mirrored", pose.mirrored())
                .with("laterality", laterality.name())
                .with("centerX", boxCenter(pose, pose.rightX(), -pose.upX(), pose.centerX()) * scale)
                .with("centerY", boxCenter(pose, pose.rightY(), -pose.upY(), pose.centerY()) * scale)
                .with("width", width * scale).with("height", height * scale);
        return new Framed(framed, framedMask, step.build());
    }

    /** One coordinate of the box's centre: the centroid moved to the middle of the box along right and down. */
    private static double boxCenter(PartPose pose, double right, double down, double centroid) {
        return centroid + (pose.left() + pose.right()) / 2 * right + (pose.top() + pose.bottom()) / 2 * down;
    }

    /** The image shrunk by area averaging to at most {@code side} pixels on its longer side. */
    private static Mat downscaled(Mat gray, int side) {
        double factor = Math.max(gray.cols(), gray.rows()) / (double) side;
        if (factor <= 1) {
            return gray.isContinuous() ? gray : gray.clone();
        }
        Mat view = new Mat();
        resize(gray, view, new Size(Math.max(1, (int) Math.round(gray.cols() / factor)),
                Math.max(1, (int) Math.round(gray.rows() / factor))), 0, 0, INTER_AREA);
        return view;
    }
}
