package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.setNumThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.formats.InvalidImageException;

/**
 * The preprocessing pipeline: decode, crop to the radiograph, resize keeping the aspect ratio and centre-pad to the
 * model size, Otsu foreground mask, contrast equalisation. Each optional step follows {@link PreprocessingSettings}
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

    /** @throws InvalidImageException when the bytes are not a decodable PNG, JPEG or DICOM image */
    public PreprocessedRadiograph process(byte[] encodedImage) {
        StageClock clock = new StageClock();
        DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(encodedImage);
        clock.lap("decode");
        return run(decoded.image(), decoded.steps(), clock);
    }

    /** Runs the pipeline from an already decoded image (say, a synthetic one), recording steps from crop on. */
    public PreprocessedRadiograph process(GrayImage image) {
        return run(image, List.of(), new StageClock());
    }

    private PreprocessedRadiograph run(GrayImage image, List<PreprocessingStep> decodeSteps, StageClock clock) {
        List<PreprocessingStep> steps = new ArrayList<>(decodeSteps);
        try (PointerScope scope = new PointerScope()) {
            Mat current = Mats.toMat(image);
            if (settings.crop()) {
                RadiographCropper.MatCrop crop = RadiographCropper.crop(current);
                current = crop.image();
                steps.add(crop.step());
                clock.lap("crop");
            }
            ResizedImage resized = AspectResizer.resizeAndPad(current, settings.size());
            steps.add(resized.step());
            clock.lap("resize-pad");
            Optional<GrayImage> mask = Optional.empty();
            if (settings.mask()) {
                ForegroundMask.Result foreground = ForegroundMask.of(resized);
                mask = Optional.of(foreground.mask());
                steps.add(foreground.step());
                clock.lap("mask");
            }
            Optional<PreprocessingStep> equalization = ContrastEqualizer.apply(resized, settings);
            equalization.ifPresent(steps::add);
            equalization.ifPresent(step -> clock.lap("equalization"));
            return new PreprocessedRadiograph(Mats.toGrayImage(resized.image()), mask, steps, clock.laps());
        }
    }
}
