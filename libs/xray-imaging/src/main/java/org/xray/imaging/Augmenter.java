package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.Objects;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Random training augmentation: brightness and contrast of the content, a left-right flip, then rotation and zoom
 * about the centre in one warp. Everything random comes from the seed, so a seed reproduces its image exactly (for
 * replaying an epoch or debugging a batch). Output has the input's size. Level 0 is padding, not content: brightness
 * and contrast leave it at 0 (and are taken around the mean of the non-zero pixels), and areas the warp uncovers are
 * 0 too, so padding stays exactly 0 as in {@link RadiographPreprocessor}'s output. Immutable and thread-safe.
 */
public final class Augmenter {

    private final AugmentationSettings settings;

    public Augmenter(AugmentationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public GrayImage augment(GrayImage image, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // Draw every value, used or not, in a fixed order, so that one setting never shifts another's draws.
        boolean mirror = random.nextDouble() < settings.flipProbability();
        double angle = symmetric(random, settings.maxRotationDegrees());
        double zoom = between(random, settings.minZoom(), settings.maxZoom());
        double shift = symmetric(random, settings.maxBrightnessShift()) * 255;
        double contrast = 1 + symmetric(random, settings.maxContrastFactor());
        try (PointerScope scope = new PointerScope()) {
            Mat source = Mats.toMat(image);
            // Photometric first, so that the border the warp uncovers stays exactly 0; only on content (non-zero)
            // pixels, so that the padding neither moves the mean nor comes back grey.
            Mat content = new Mat();
            threshold(source, content, 0, 255, THRESH_BINARY);
            double average = countNonZero(content) == 0 ? 0 : mean(source, content).get(0);
            Mat shifted = new Mat();
            source.convertTo(shifted, -1, contrast, (1 - contrast) * average + shift);
            Mat adjusted = new Mat(source.rows(), source.cols(), CV_8UC1, new Scalar(0));
            shifted.copyTo(adjusted, content);
            if (mirror) {
                flip(adjusted, adjusted, 1);
            }
            Point2f centre = new Point2f((image.width() - 1) / 2f, (image.height() - 1) / 2f);
            Mat warped = new Mat();
            warpAffine(adjusted, warped, getRotationMatrix2D(centre, angle, zoom),
                    new Size(image.width(), image.height()), INTER_LINEAR, BORDER_CONSTANT, new Scalar(0));
            return Mats.toGrayImage(warped);
        }
    }

    private static double symmetric(SplittableRandom random, double max) {
        return between(random, -max, max);
    }

    // Always one draw, even for an empty range, to keep the draw order fixed.
    private static double between(SplittableRandom random, double min, double max) {
        double unit = random.nextDouble();
        return min + unit * (max - min);
    }
}
