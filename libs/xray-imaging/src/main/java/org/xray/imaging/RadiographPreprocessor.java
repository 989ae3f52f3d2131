package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.formats.InvalidImageException;

/**
 * The preprocessing pipeline: decode, frame the body part (its whole extent in its canonical pose, background
 * blanked: {@link RadiographFramer}), resize keeping the aspect ratio and centre-pad to the model size, equalise the
 * part's levels, and the part mask. Each optional step follows {@link PreprocessingSettings}
 * and every step that ran is recorded with its parameters.
 *
 * <p>Immutable and thread-safe: a worker pool can share one instance. Native memory is per call and released when
 * the call returns. A service that runs one worker per core should call {@link #useSingleThreadedOpenCv()} once at
 * startup, so that OpenCV's own thread pool does not oversubscribe the cores its workers already use.
 */
public final class RadiographPreprocessor {

    private final PreprocessingSettings settings;

    public RadiographPreprocessor(PreprocessingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PreprocessingSettings settings() {
        return settings;
    }

    /**
     * Makes OpenCV run every function on its caller's thread ({@code cv::setNumThreads(1)}), for processes that
     * already run one preprocessing worker per core: OpenCV's thread pool would otherwise start its own threads
     * (one per core) inside each call, competing with the other workers. Process-wide and idempotent; call it once
     * at startup, before the workers start. Output pixels do not depend on it.
     */
    public static void useSingleThreadedOpenCv() {
        setNumThreads(1);
    }

    /**
     * @param part the body part the image shows, which chooses its {@link PartFraming}
     * @throws InvalidImageException when the bytes are not a decodable PNG, JPEG or DICOM image, or show no body part
     */
    public PreprocessedRadiograph process(byte[] encodedImage, BodyPart part) {
        StageClock clock = new StageClock();
        DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(encodedImage);
        clock.lap("decode");
        return run(decoded.image(), part, decoded.laterality(), decoded.steps(), clock);
    }

    /**
     * Runs the pipeline from an already decoded image (say, a synthetic one), recording steps from framing on.
     *
     * @throws InvalidImageException {@code no-body-part-found} when the image shows no body part
     */
    public PreprocessedRadiograph process(GrayImage image, BodyPart part) {
        return run(image, part, Laterality.UNKNOWN, List.of(), new StageClock());
    }

    private PreprocessedRadiograph run(GrayImage image, BodyPart part, Laterality laterality,
                                       List<PreprocessingStep> decodeSteps, StageClock clock) {
        List<PreprocessingStep> steps = new ArrayList<>();
        steps.add(PreprocessingRecord.step(settings, part));
        steps.addAll(decodeSteps);
        try (PointerScope scope = new PointerScope()) {
            RadiographFramer.Framed framed = RadiographFramer.frame(Mats.toMat(image), settings.framing(),
                    PartFraming.of(part), laterality);
            steps.add(framed.step());
            clock.lap("frame");
            ResizedImage resized = AspectResizer.resizeAndPad(framed.image(), settings.size());
            Mat mask = AspectResizer.resizeAndPad(framed.mask(), settings.size()).image();
            threshold(mask, mask, 127, 255, THRESH_BINARY);
            steps.add(resized.step());
            clock.lap("resize-pad");
            Mat region = settings.framing() == Framing.CANONICAL ? mask : contentRegion(resized);
            Optional<PreprocessingStep> equalization = ContrastEqualizer.apply(resized.image(), region, settings);
            equalization.ifPresent(steps::add);
            equalization.ifPresent(step -> clock.lap("equalization"));
            Optional<GrayImage> partMask = settings.mask() ? Optional.of(Mats.toGrayImage(mask)) : Optional.empty();
            return new PreprocessedRadiograph(Mats.toGrayImage(resized.image()), partMask, steps, clock.laps());
        }
    }

    /** The whole image's content, without the padding: what a whole-image framing equalises. */
    private static Mat contentRegion(ResizedImage resized) {
        Mat region = new Mat(resized.image().rows(), resized.image().cols(), CV_8UC1, new Scalar(0));
        region.apply(resized.content()).setTo(new Mat(1, 1, CV_8UC1, new Scalar(255)));
        return region;
    }
}
