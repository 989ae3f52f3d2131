package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_TRANSPARENT;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Synthetic images with known answers, their encodings, fixtures and simple image statistics for tests. */
final class TestImages {

    private TestImages() {
    }

    /**
     * A portrait "radiograph": mid-gray soft tissue with bright bone-like ellipses, one of them near the top so that
     * an upside-down crop is detectable, and mild noise.
     */
    static GrayImage radiograph(int width, int height, long seed) {
        try (PointerScope scope = new PointerScope()) {
            Mat mat = new Mat(height, width, CV_8UC1, new Scalar(110));
            ellipse(mat, new Point(width / 2, height * 3 / 5), new Size(width / 6, height * 3 / 10), 0, 0, 360,
                    new Scalar(210), FILLED, LINE_8, 0);
            ellipse(mat, new Point(width / 3, height / 6), new Size(width / 8, height / 12), 0, 0, 360,
                    new Scalar(230), FILLED, LINE_8, 0);
            return withNoise(Mats.toGrayImage(mat), 6, seed);
        }
    }

    /** Where a radiograph was placed: its true corners in canvas coordinates, as {x, y} pairs. */
    record Placement(GrayImage canvas, double[][] corners) {
    }

    /**
     * Places {@code radiograph} turned {@code clockwiseDegrees} around {@code (centerX, centerY)} of a black canvas,
     * with a white collimation band of {@code border} pixels along the edges and a white "L" marker.
     */
    static Placement placed(GrayImage radiograph, int canvasWidth, int canvasHeight, double centerX, double centerY,
                            double clockwiseDegrees, int border) {
        return place(radiograph, canvasWidth, canvasHeight, centerX, centerY, clockwiseDegrees, border);
    }

    /**
     * As {@link #placed}, without collimation band or marker; the radiograph may reach beyond the canvas, which then
     * shows only part of it (the corners are those of the whole radiograph).
     */
    static Placement tilted(GrayImage radiograph, int canvasWidth, int canvasHeight, double centerX, double centerY,
                            double clockwiseDegrees) {
        return place(radiograph, canvasWidth, canvasHeight, centerX, centerY, clockwiseDegrees, 0);
    }

    private static Placement place(GrayImage radiograph, int canvasWidth, int canvasHeight, double centerX,
                                   double centerY, double clockwiseDegrees, int border) {
        try (PointerScope scope = new PointerScope()) {
            Mat canvas = new Mat(canvasHeight, canvasWidth, CV_8UC1, new Scalar(0));
            double radians = Math.toRadians(clockwiseDegrees);
            // Radiograph pixel (x, y) lands at centre + (x - cx) * right + (y - cy) * down.
            double rightX = Math.cos(radians);
            double rightY = Math.sin(radians);
            double downX = -Math.sin(radians);
            double downY = Math.cos(radians);
            double cx = (radiograph.width() - 1) / 2.0;
            double cy = (radiograph.height() - 1) / 2.0;
            Mat forward = new Mat(2, 3, CV_64F);
            try (DoubleIndexer m = forward.createIndexer()) {
                m.put(0, 0, rightX).put(0, 1, downX).put(0, 2, centerX - cx * rightX - cy * downX);
                m.put(1, 0, rightY).put(1, 1, downY).put(1, 2, centerY - cx * rightY - cy * downY);
            }
            warpAffine(Mats.toMat(radiograph), canvas, forward, canvas.size(), INTER_LINEAR, BORDER_TRANSPARENT,
                    new Scalar(0));
            if (border > 0) {
                rectangle(canvas, new Point(0, 0), new Point(canvasWidth - 1, canvasHeight - 1), new Scalar(255),
                        border * 2, LINE_8, 0);
                putText(canvas, "L", new Point(border + 20, canvasHeight - border - 20), FONT_HERSHEY_SIMPLEX, 3,
                        new Scalar(255), 6, LINE_8, false);
            }
            // The pixels' outer edges: half a pixel beyond the first and last pixel centres.
            double[][] corners = new double[4][];
            double[][] local = {{-0.5, -0.5}, {radiograph.width() - 0.5, -0.5},
                    {radiograph.width() - 0.5, radiograph.height() - 0.5}, {-0.5, radiograph.height() - 0.5}};
            for (int i = 0; i < 4; i++) {
                double u = local[i][0] - cx;
                double v = local[i][1] - cy;
                corners[i] = new double[] {centerX + u * rightX + v * downX, centerY + u * rightY + v * downY};
            }
            return new Placement(withNoise(Mats.toGrayImage(canvas), 4, 99), corners);
        }
    }

    static GrayImage withNoise(GrayImage image, int amplitude, long seed) {
        Random random = new Random(seed);
        byte[] noisy = image.pixels().clone();
        for (int i = 0; i < noisy.length; i++) {
            int level = (noisy[i] & 0xFF) + random.nextInt(2 * amplitude + 1) - amplitude;
            noisy[i] = (byte) Math.max(0, Math.min(255, level));
        }
        return new GrayImage(image.width(), image.height(), noisy);
    }

    static GrayImage uniform(int width, int height, int level) {
        byte[] pixels = new byte[width * height];
        java.util.Arrays.fill(pixels, (byte) level);
        return new GrayImage(width, height, pixels);
    }

    /** Intersection over union of two convex quadrilaterals, measured on a 0.25-pixel grid. */
    static double iou(double[][] a, double[][] b) {
        return iouWithin(a, b, -Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** As {@link #iou}, counting only what lies on a {@code width x height} image: the visible parts. */
    static double iouOnImage(double[][] a, double[][] b, int width, int height) {
        return iouWithin(a, b, -0.5, -0.5, width - 0.5, height - 0.5);
    }

    private static double iouWithin(double[][] a, double[][] b, double left, double top, double right,
                                    double bottom) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] p : concat(a, b)) {
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        minX = Math.max(minX, left);
        minY = Math.max(minY, top);
        maxX = Math.min(maxX, right);
        maxY = Math.min(maxY, bottom);
        long both = 0;
        long either = 0;
        for (double y = minY; y <= maxY; y += 0.25) {
            for (double x = minX; x <= maxX; x += 0.25) {
                boolean inA = inside(a, x, y);
                boolean inB = inside(b, x, y);
                both += inA && inB ? 1 : 0;
                either += inA || inB ? 1 : 0;
            }
        }
        return (double) both / either;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] all = new double[a.length + b.length][];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    // Inside a convex polygon: the point is on the same side of every edge.
    private static boolean inside(double[][] polygon, double x, double y) {
        int sign = 0;
        for (int i = 0; i < polygon.length; i++) {
            double[] p = polygon[i];
            double[] q = polygon[(i + 1) % polygon.length];
            double cross = (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (s != 0) {
                if (sign != 0 && s != sign) {
                    return false;
                }
                sign = s;
            }
        }
        return true;
    }

    static byte[] png(GrayImage image) {
        try (PointerScope scope = new PointerScope()) {
            return encode(".png", Mats.toMat(image));
        }
    }

    static byte[] jpeg(GrayImage image) {
        try (PointerScope scope = new PointerScope()) {
            return encode(".jpg", Mats.toMat(image));
        }
    }

    /** A 16-bit grayscale PNG of the given levels (0..65535), row-major. */
    static byte[] png16(int width, int height, int[] levels) {
        try (PointerScope scope = new PointerScope()) {
            Mat mat = new Mat(height, width, CV_16UC1);
            short[] raw = new short[levels.length];
            for (int i = 0; i < levels.length; i++) {
                raw[i] = (short) levels[i];
            }
            ((ShortBuffer) mat.createBuffer()).put(raw);
            return encode(".png", mat);
        }
    }

    private static byte[] encode(String extension, Mat mat) {
        BytePointer buffer = new BytePointer();
        if (!imencode(extension, mat, buffer)) {
            throw new IllegalStateException("imencode " + extension + " failed");
        }
        byte[] bytes = new byte[(int) buffer.limit()];
        buffer.get(bytes);
        return bytes;
    }

    static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("xray.testdata", "../../testdata"), "dicom", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double mean(GrayImage image) {
        return IntStream.range(0, image.pixels().length).map(i -> image.pixels()[i] & 0xFF).average().orElse(0);
    }

    static double stdDev(GrayImage image) {
        double mean = mean(image);
        double sum = 0;
        for (byte b : image.pixels()) {
            double d = (b & 0xFF) - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / image.pixels().length);
    }

    static long distinctLevels(GrayImage image) {
        return IntStream.range(0, image.pixels().length).map(i -> image.pixels()[i] & 0xFF).distinct().count();
    }

    /** Mean level over the rectangle [x0, x1) x [y0, y1). */
    static double meanOf(GrayImage image, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += image.level(x, y);
            }
        }
        return sum / ((x1 - x0) * (y1 - y0));
    }
}
