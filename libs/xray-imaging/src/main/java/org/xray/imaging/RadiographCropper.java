package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CMP_EQ;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.xray.contracts.events.PreprocessingStep;

/**
 * Finds the radiograph in a scanned or exported image and crops it upright: Otsu binarisation, the largest
 * connected region, its outer contour's minimum-area rectangle, rotated so that the long side is vertical. Bright
 * collimation borders along the image edges (regions that touch an edge and lie within a band along the edges,
 * see {@link #EDGE_BAND}) are recognised and left out first; a body part that merely touches an edge is kept. When
 * no region is clear enough (none, a speck, or one that fills the image) it returns the whole image and says so.
 * Stateless and thread-safe.
 */
public final class RadiographCropper {

    /** Longest side of the view in which the region is searched. */
    static final int ANALYSIS_SIDE = 512;
    /** A region smaller than this share of the image is a marker or noise, not a radiograph. */
    static final double MIN_COVERAGE = 0.05;
    /** A region larger than this share already fills the image: cropping would only shave off edge pixels. */
    static final double MAX_COVERAGE = 0.98;
    /**
     * Depth of the bands along the image edges, as a share of the image side across them, where collimation borders
     * lie: a region that touches the edge and lies within these bands (a strip, an L, a frame) is unexposed film or
     * detector, not anatomy. A body part that touches the edge reaches far further in, however tilted it is.
     */
    static final double EDGE_BAND = 0.15;
    /** Share of a border region's pixels that may lie beyond {@link #EDGE_BAND} (noise, a ragged collimator edge). */
    static final double MAX_BORDER_INNER_SHARE = 0.05;

    /** The crop in native memory, for the preprocessor's pipeline; lives in the caller's pointer scope. */
    record MatCrop(Mat image, Optional<CropBox> box, PreprocessingStep step) {
    }

    private RadiographCropper() {
    }

    public static CropResult crop(GrayImage image) {
        try (PointerScope scope = new PointerScope()) {
            MatCrop crop = crop(Mats.toMat(image));
            return new CropResult(Mats.toGrayImage(crop.image()), crop.box(), crop.step());
        }
    }

    static MatCrop crop(Mat gray) {
        // Finding the region needs no more detail than a 512-pixel view; only the final cut uses full resolution.
        Mat view = gray;
        double factor = Math.max(gray.cols(), gray.rows()) / (double) ANALYSIS_SIDE;
        if (factor > 1) {
            view = new Mat();
            resize(gray, view, new Size(Math.max(1, (int) Math.round(gray.cols() / factor)),
                    Math.max(1, (int) Math.round(gray.rows() / factor))), 0, 0, INTER_AREA);
        }
        Regions regions = Regions.of(view);
        List<Integer> borders = regions.collimationBorders();
        if (!borders.isEmpty()) {
            // A large bright border drags Otsu's threshold up to between soft tissue and bone. It is not anatomy:
            // blank it and threshold again, so that the split falls between air and tissue.
            Mat anatomy = new Mat();
            bitwise_not(regions.union(borders), anatomy);
            Mat cleaned = new Mat(view.rows(), view.cols(), CV_8UC1, new Scalar(0));
            view.copyTo(cleaned, anatomy);
            regions = Regions.of(cleaned);
        }
        int label = regions.largestNonBorderRegion();
        if (label == 0) {
            return fallback(gray, regions.otsu(), "no-foreground-region", Optional.empty());
        }
        Mat contour = outerContour(regions.labels(), regions.stats(), label);
        double coverage = contourArea(contour) / ((double) view.cols() * view.rows());
        if (coverage < MIN_COVERAGE) {
            return fallback(gray, regions.otsu(), "region-too-small", Optional.of(coverage));
        }
        if (coverage > MAX_COVERAGE) {
            return fallback(gray, regions.otsu(), "region-fills-image", Optional.of(coverage));
        }
        CropBox box = uprightBox(minAreaRect(contour), (double) gray.cols() / view.cols(),
                (double) gray.rows() / view.rows());
        Mat cropped = cutOut(gray, box);
        PreprocessingStep step = Steps.step("crop").with("fallback", false).with("otsuThreshold", regions.otsu())
                .with("collimationBorder", !borders.isEmpty()).with("coverage", coverage)
                .with("centerX", box.centerX()).with("centerY", box.centerY()).with("width", box.width())
                .with("height", box.height()).with("angle", box.angleDegrees()).build();
        return new MatCrop(cropped, Optional.of(box), step);
    }

    /** Otsu's binarisation of an image and its 8-connected regions (label 0 is the background). */
    private record Regions(double otsu, Mat labels, Mat stats, int count, int width, int height) {

        static Regions of(Mat gray) {
            Mat binary = new Mat();
            double otsu = threshold(gray, binary, 0, 255, THRESH_BINARY | THRESH_OTSU);
            Mat labels = new Mat();
            Mat stats = new Mat();
            int count = connectedComponentsWithStats(binary, labels, stats, new Mat(), 8, CV_32S);
            return new Regions(otsu, labels, stats, count, gray.cols(), gray.rows());
        }

        /**
         * Regions that touch the image edge and lie within the {@link #EDGE_BAND} along the edges: strips, Ls and
         * frames of collimation. Whether a region is compact says nothing here: a tilted limb cut by the edge fills
         * little of its bounding box, yet reaches deep into the image.
         */
        List<Integer> collimationBorders() {
            int bandX = (int) Math.ceil(EDGE_BAND * width);
            int bandY = (int) Math.ceil(EDGE_BAND * height);
            List<Integer> borders = new ArrayList<>();
            try (IntIndexer s = stats.createIndexer()) {
                for (int label = 1; label < count; label++) {
                    int left = s.get(label, CC_STAT_LEFT);
                    int top = s.get(label, CC_STAT_TOP);
                    int w = s.get(label, CC_STAT_WIDTH);
                    int h = s.get(label, CC_STAT_HEIGHT);
                    boolean touchesEdge = left == 0 || top == 0 || left + w == width || top + h == height;
                    if (!touchesEdge) {
                        continue;
                    }
                    // Pixels of the region beyond the bands: counted only where its bounding box reaches in.
                    int x0 = Math.max(left, bandX);
                    int y0 = Math.max(top, bandY);
                    int x1 = Math.min(left + w, width - bandX);
                    int y1 = Math.min(top + h, height - bandY);
                    long inner = 0;
                    if (x0 < x1 && y0 < y1) {
                        Mat inside = new Mat();
                        compare(labels.apply(new Rect(x0, y0, x1 - x0, y1 - y0)),
                                new Mat(1, 1, CV_32S, new Scalar(label)), inside, CMP_EQ);
                        inner = countNonZero(inside);
                    }
                    if (inner <= MAX_BORDER_INNER_SHARE * s.get(label, CC_STAT_AREA)) {
                        borders.add(label);
                    }
                }
            }
            return borders;
        }

        /** 255 where a pixel belongs to one of {@code selected}. */
        Mat union(List<Integer> selected) {
            Mat union = new Mat(labels.rows(), labels.cols(), CV_8UC1, new Scalar(0));
            for (int label : selected) {
                Mat region = new Mat();
                compare(labels, new Mat(1, 1, CV_32S, new Scalar(label)), region, CMP_EQ);
                bitwise_or(union, region, union);
            }
            return union;
        }

        /** @return the largest region that is not a collimation border, or 0 (the background) if there is none */
        int largestNonBorderRegion() {
            List<Integer> borders = collimationBorders();
            int best = 0;
            long bestArea = 0;
            try (IntIndexer s = stats.createIndexer()) {
                for (int label = 1; label < count; label++) {
                    long area = s.get(label, CC_STAT_AREA);
                    if (area > bestArea && !borders.contains(label)) {
                        best = label;
                        bestArea = area;
                    }
                }
            }
            return best;
        }
    }

    /** The region's outer boundary, searched only within its bounding box. */
    private static Mat outerContour(Mat labels, Mat stats, int label) {
        int left;
        int top;
        Rect bounds;
        try (IntIndexer s = stats.createIndexer()) {
            left = s.get(label, CC_STAT_LEFT);
            top = s.get(label, CC_STAT_TOP);
            bounds = new Rect(left, top, s.get(label, CC_STAT_WIDTH), s.get(label, CC_STAT_HEIGHT));
        }
        Mat region = new Mat();
        compare(labels.apply(bounds), new Mat(1, 1, CV_32S, new Scalar(label)), region, CMP_EQ);
        MatVector contours = new MatVector();
        findContours(region, contours, new Mat(), RETR_EXTERNAL, CHAIN_APPROX_SIMPLE, new Point(left, top));
        // One connected region has one outer boundary; pick the largest in case of degenerate pieces.
        Mat largest = contours.get(0);
        for (long i = 1; i < contours.size(); i++) {
            if (contourArea(contours.get(i)) > contourArea(largest)) {
                largest = contours.get(i);
            }
        }
        return largest;
    }

    /**
     * Re-expresses OpenCV's rectangle (whose angle convention changed between OpenCV releases), found in a view
     * scaled down by {@code scaleX, scaleY}, as a box in input coordinates whose height is the long side, turned by
     * the smallest angle that makes it vertical.
     */
    private static CropBox uprightBox(RotatedRect rect, double scaleX, double scaleY) {
        double radians = Math.toRadians(rect.angle());
        // OpenCV's rectangle: its width runs along (cos, sin), its height along (-sin, cos).
        double alongWidthX = Math.cos(radians);
        double alongWidthY = Math.sin(radians);
        boolean heightIsLong = rect.size().height() >= rect.size().width();
        double downX = heightIsLong ? -alongWidthY : alongWidthX;
        double downY = heightIsLong ? alongWidthX : alongWidthY;
        if (downY < 0 || (downY == 0 && downX > 0)) {
            downX = -downX;
            downY = -downY;
        }
        // Contour points are pixel centres; the pixels they enclose reach half a pixel further on every side.
        // A view pixel i covers input pixels [i * scale, (i + 1) * scale), whose centre is (i + 0.5) * scale - 0.5.
        double scale = (scaleX + scaleY) / 2;
        double shortSide = (Math.min(rect.size().width(), rect.size().height()) + 1) * scale;
        double longSide = (Math.max(rect.size().width(), rect.size().height()) + 1) * scale;
        double angle = Math.toDegrees(Math.atan2(-downX, downY));
        return new CropBox((rect.center().x() + 0.5) * scaleX - 0.5, (rect.center().y() + 0.5) * scaleY - 0.5,
                shortSide, longSide, angle);
    }

    /** Samples the box into an upright image in one warp, so only the crop's pixels are ever interpolated. */
    private static Mat cutOut(Mat gray, CropBox box) {
        int width = Math.max(1, (int) Math.round(box.width()));
        int height = Math.max(1, (int) Math.round(box.height()));
        double radians = Math.toRadians(box.angleDegrees());
        double downX = -Math.sin(radians);
        double downY = Math.cos(radians);
        double rightX = downY;
        double rightY = -downX;
        double halfW = (width - 1) / 2.0;
        double halfH = (height - 1) / 2.0;
        // Output pixel (x, y) reads input pixel centre + (x - halfW) * right + (y - halfH) * down.
        Mat outputToInput = new Mat(2, 3, CV_64F);
        try (DoubleIndexer m = outputToInput.createIndexer()) {
            m.put(0, 0, rightX).put(0, 1, downX).put(0, 2, box.centerX() - halfW * rightX - halfH * downX);
            m.put(1, 0, rightY).put(1, 1, downY).put(1, 2, box.centerY() - halfW * rightY - halfH * downY);
        }
        Mat cropped = new Mat();
        warpAffine(gray, cropped, outputToInput, new Size(width, height), INTER_LINEAR | WARP_INVERSE_MAP,
                BORDER_CONSTANT, new Scalar(0));
        return cropped;
    }

    private static MatCrop fallback(Mat gray, double otsu, String reason, Optional<Double> coverage) {
        Steps.Builder step = Steps.step("crop").with("fallback", true).with("reason", reason)
                .with("otsuThreshold", otsu);
        coverage.ifPresent(c -> step.with("coverage", c));
        return new MatCrop(gray, Optional.empty(), step.build());
    }
}
