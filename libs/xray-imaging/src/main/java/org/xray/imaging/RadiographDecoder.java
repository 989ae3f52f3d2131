package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYDEPTH;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.formats.DicomPixelReader;
import org.xray.formats.DicomPixels;
import org.xray.formats.ImageInspector;
import org.xray.formats.InspectedImage;
import org.xray.formats.InvalidImageException;
import org.xray.formats.VoiWindow;

/**
 * Decodes PNG (8 or 16 bit), 8-bit JPEG and DICOM into an 8-bit display image. Wide samples are brought to 8 bits
 * deliberately, never by dropping low bits: a DICOM VOI window when the sender gave a usable one, otherwise a
 * percentile stretch. MONOCHROME1 is inverted so that bone is always bright. JPEG with 12-bit samples is refused by
 * {@link ImageInspector} (OpenCV's libjpeg decodes 8-bit JPEG only). Stateless and thread-safe.
 */
public final class RadiographDecoder {

    /**
     * Refuses images over 40 million pixels (say 6300x6300) before decoding: a small compressed file can declare a
     * huge raster, and a full-size radiography detector (43x43 cm at 75 to 150 micrometres) gives 8 to 33 million.
     * At the cap a 16-bit PNG needs about 80 MB of native memory to decode and 40 MB of heap for its 8-bit levels;
     * see docs/preprocess-service.md for the memory per worker.
     */
    static final long MAX_PIXELS = 40_000_000L;

    private RadiographDecoder() {
    }

    /** @throws InvalidImageException with the reason to put on a dead letter when the bytes cannot be decoded */
    public static GrayImage decode(byte[] bytes) {
        return decodeWithRecord(bytes).image();
    }

    /** As {@link #decode}, with the steps that made the image displayable. */
    public static DecodedRadiograph decodeWithRecord(byte[] bytes) {
        InspectedImage inspected = ImageInspector.inspect(bytes);
        if ((long) inspected.width() * inspected.height() > MAX_PIXELS) {
            throw new InvalidImageException(RejectionReason.OVERSIZE, "The image declares " + inspected.width() + "x"
                    + inspected.height() + " pixels, more than the " + MAX_PIXELS + " accepted; send it downsampled");
        }
        return inspected.format() == ImageFormat.DICOM ? decodeDicom(bytes) : decodeRaster(bytes, inspected.format());
    }

    private static DecodedRadiograph decodeRaster(byte[] bytes, ImageFormat format) {
        try (PointerScope scope = new PointerScope()) {
            Mat decoded = imdecode(new Mat(bytes), IMREAD_ANYDEPTH | IMREAD_GRAYSCALE);
            if (decoded.empty()) {
                throw new InvalidImageException(RejectionReason.CORRUPT, "The " + format + " structure is intact but "
                        + "its image data does not decode; the file was damaged or written by a faulty encoder");
            }
            List<PreprocessingStep> steps = new ArrayList<>();
            if (decoded.depth() == CV_8U) {
                steps.add(decodeStep(format, decoded.cols(), decoded.rows(), 8));
                return new DecodedRadiograph(Mats.toGrayImage(decoded), format, steps, Laterality.UNKNOWN);
            }
            if (decoded.depth() != CV_16U) {
                throw new InvalidImageException(RejectionReason.CORRUPT, "The " + format + " decodes to OpenCV depth "
                        + decoded.depth() + ", which is neither 8 nor 16 bits per sample");
            }
            steps.add(decodeStep(format, decoded.cols(), decoded.rows(), 16));
            // The levels are read in native memory, where imdecode put them: no Java copy of the 16-bit raster.
            Mat contiguous = decoded.isContinuous() ? decoded : decoded.clone();
            LevelMapper.Samples samples = LevelMapper.Samples.unsigned16((ShortBuffer) contiguous.createBuffer());
            LevelMapper.Extent extent = LevelMapper.Extent.of(samples);
            LevelMapper.Range range = LevelMapper.stretchRange(samples, extent);
            steps.add(stretchStep(range, range.low(), range.high()));
            DoubleUnaryOperator stretch = LevelMapper.stretch(range.low(), range.high());
            byte[] levels = LevelMapper.map(samples, extent, stretch::applyAsDouble);
            return new DecodedRadiograph(new GrayImage(decoded.cols(), decoded.rows(), levels), format, steps,
                    Laterality.UNKNOWN);
        }
    }

    // Display pipeline order of PS3.4 N.2: modality LUT (rescale), VOI LUT (window), then presentation (MONOCHROME1
    // inversion), so that window values, given in modality units, apply before the inversion.
    private static DecodedRadiograph decodeDicom(byte[] bytes) {
        DicomPixels pixels = DicomPixelReader.read(bytes);
        LevelMapper.Samples samples = LevelMapper.Samples.of(pixels.storedValues());
        LevelMapper.Extent extent = LevelMapper.Extent.of(samples);
        List<PreprocessingStep> steps = new ArrayList<>();
        steps.add(Steps.step("decode").with("format", ImageFormat.DICOM.name()).with("width", pixels.width())
                .with("height", pixels.height()).with("bitsStored", pixels.bitsStored())
                .with("photometricInterpretation", pixels.photometricInterpretation()).build());
        if (!pixels.ignoredAttributes().isEmpty()) {
            // Present but unusable (NaN, zero slope, too narrow a window...): treated as absent, and said so.
            Steps.Builder ignored = Steps.step("ignored-attributes");
            pixels.ignoredAttributes().forEach(ignored::with);
            steps.add(ignored.build());
        }
        if (pixels.rescaleSlope() != 1 || pixels.rescaleIntercept() != 0) {
            steps.add(Steps.step("modality-rescale").with("slope", pixels.rescaleSlope())
                    .with("intercept", pixels.rescaleIntercept()).build());
        }
        DoubleUnaryOperator voi;
        if (pixels.window().isPresent()) {
            VoiWindow window = pixels.window().get();
            voi = VoiLut.of(window);
            steps.add(Steps.step("voi-window").with("center", window.center()).with("width", window.width())
                    .with("function", window.function().name()).build());
        } else {
            LevelMapper.Range range = LevelMapper.stretchRange(samples, extent);
            // A negative slope reverses the order of stored and modality values.
            double a = pixels.modalityValueOf(range.low());
            double b = pixels.modalityValueOf(range.high());
            voi = LevelMapper.stretch(Math.min(a, b), Math.max(a, b));
            steps.add(stretchStep(range, Math.min(a, b), Math.max(a, b)));
        }
        boolean invert = pixels.invertedGrayscale();
        if (invert) {
            steps.add(Steps.step("invert-monochrome1").build());
        }
        byte[] levels = LevelMapper.map(samples, extent, stored -> {
            double level = voi.applyAsDouble(pixels.modalityValueOf(stored));
            return invert ? 255 - level : level;
        });
        return new DecodedRadiograph(new GrayImage(pixels.width(), pixels.height(), levels), ImageFormat.DICOM, steps,
                laterality(pixels.laterality()));
    }

    /** DICOM's side codes: L and R name a side; B (both) and U (unpaired) do not, nor does anything else. */
    private static Laterality laterality(Optional<String> code) {
        return switch (code.orElse("")) {
            case "L" -> Laterality.LEFT;
            case "R" -> Laterality.RIGHT;
            default -> Laterality.UNKNOWN;
        };
    }

    private static PreprocessingStep decodeStep(ImageFormat format, int width, int height, int bitDepth) {
        return Steps.step("decode").with("format", format.name()).with("width", width).with("height", height)
                .with("bitDepth", bitDepth).build();
    }

    /** {@code low} and {@code high} in the units stretched (modality units for DICOM). */
    private static PreprocessingStep stretchStep(LevelMapper.Range range, double low, double high) {
        Steps.Builder step = Steps.step("percentile-stretch").with("lowPercentile", LevelMapper.LOW_PERCENTILE)
                .with("highPercentile", LevelMapper.HIGH_PERCENTILE).with("low", low).with("high", high);
        if (range.kind() == LevelMapper.RangeKind.MIN_MAX) {
            step.with("fallback", "min-max");
        } else if (range.kind() == LevelMapper.RangeKind.FLAT) {
            step.with("flat", true);
        }
        return step.build();
    }
}
