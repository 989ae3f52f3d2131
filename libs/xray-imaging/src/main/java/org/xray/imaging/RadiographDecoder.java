package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYDEPTH;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Decodes PNG, JPEG (8 or 16 bit) and DICOM into an 8-bit display image. Wide samples are brought to 8 bits
 * deliberately, never by dropping low bits: a DICOM VOI window when the sender gave one, otherwise a percentile
 * stretch. MONOCHROME1 is inverted so that bone is always bright. Stateless and thread-safe.
 */
public final class RadiographDecoder {

    /**
     * Refuses images over 64 megapixels before decoding: a small compressed file can declare a huge raster, and
     * 8000x8000 is already beyond any radiograph detector.
     */
    static final long MAX_PIXELS = 64L * 1024 * 1024;

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
                return new DecodedRadiograph(Mats.toGrayImage(decoded), format, steps);
            }
            if (decoded.depth() != CV_16U) {
                throw new InvalidImageException(RejectionReason.CORRUPT, "The " + format + " decodes to OpenCV depth "
                        + decoded.depth() + ", which is neither 8 nor 16 bits per sample");
            }
            steps.add(decodeStep(format, decoded.cols(), decoded.rows(), 16));
            int[] samples = unsigned16(decoded);
            int[] range = LevelMapper.percentiles(samples);
            steps.add(percentileStep(range[0], range[1]));
            DoubleUnaryOperator stretch = LevelMapper.stretch(range[0], range[1]);
            byte[] levels = LevelMapper.map(samples, stretch::applyAsDouble);
            return new DecodedRadiograph(new GrayImage(decoded.cols(), decoded.rows(), levels), format, steps);
        }
    }

    private static int[] unsigned16(Mat mat) {
        Mat contiguous = mat.isContinuous() ? mat : mat.clone();
        short[] raw = new short[contiguous.rows() * contiguous.cols()];
        ((ShortBuffer) contiguous.createBuffer()).get(raw);
        int[] samples = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            samples[i] = raw[i] & 0xFFFF;
        }
        return samples;
    }

    // Display pipeline order of PS3.4 N.2: modality LUT (rescale), VOI LUT (window), then presentation (MONOCHROME1
    // inversion), so that window values, given in modality units, apply before the inversion.
    private static DecodedRadiograph decodeDicom(byte[] bytes) {
        DicomPixels pixels = DicomPixelReader.read(bytes);
        double slope = pixels.rescaleSlope();
        double intercept = pixels.rescaleIntercept();
        List<PreprocessingStep> steps = new ArrayList<>();
        steps.add(Steps.step("decode").with("format", ImageFormat.DICOM.name()).with("width", pixels.width())
                .with("height", pixels.height()).with("bitsStored", pixels.bitsStored())
                .with("photometricInterpretation", pixels.photometricInterpretation()).build());
        if (slope != 1 || intercept != 0) {
            steps.add(Steps.step("modality-rescale").with("slope", slope).with("intercept", intercept).build());
        }
        DoubleUnaryOperator voi;
        if (pixels.window().isPresent()) {
            voi = VoiLinear.of(pixels.window().get());
            steps.add(Steps.step("voi-window").with("center", pixels.window().get().center())
                    .with("width", pixels.window().get().width()).with("function", "LINEAR").build());
        } else {
            int[] range = LevelMapper.percentiles(pixels.storedValues());
            // A negative slope reverses the order of stored and modality values.
            double a = range[0] * slope + intercept;
            double b = range[1] * slope + intercept;
            voi = LevelMapper.stretch(Math.min(a, b), Math.max(a, b));
            steps.add(percentileStep(Math.min(a, b), Math.max(a, b)));
        }
        boolean invert = pixels.invertedGrayscale();
        if (invert) {
            steps.add(Steps.step("invert-monochrome1").build());
        }
        byte[] levels = LevelMapper.map(pixels.storedValues(), stored -> {
            double level = voi.applyAsDouble(stored * slope + intercept);
            return invert ? 255 - level : level;
        });
        return new DecodedRadiograph(new GrayImage(pixels.width(), pixels.height(), levels), ImageFormat.DICOM, steps);
    }

    private static PreprocessingStep decodeStep(ImageFormat format, int width, int height, int bitDepth) {
        return Steps.step("decode").with("format", format.name()).with("width", width).with("height", height)
                .with("bitDepth", bitDepth).build();
    }

    private static PreprocessingStep percentileStep(double low, double high) {
        return Steps.step("percentile-stretch").with("lowPercentile", LevelMapper.LOW_PERCENTILE)
                .with("highPercentile", LevelMapper.HIGH_PERCENTILE).with("low", low).with("high", high).build();
    }
}
