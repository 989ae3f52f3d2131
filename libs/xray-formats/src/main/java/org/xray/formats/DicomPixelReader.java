package org.xray.formats;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.xray.contracts.RejectionReason;

/**
 * Reads the pixel data of a DICOM image that {@link ImageInspector} accepts: MONOCHROME1, MONOCHROME2 or RGB, 8 or 16
 * bits allocated, the stored bits placed anywhere in them (High Bit). Display attributes that are present but
 * unusable (a NaN or infinite DS value, a zero Rescale Slope, a window too narrow) are treated as absent and named in
 * {@link DicomPixels#ignoredAttributes()}, never applied; a window goes with an ignored rescale, as it is given in
 * modality units.
 */
public final class DicomPixelReader {

    private static final String MONOCHROME1 = "MONOCHROME1";
    private static final String MONOCHROME2 = "MONOCHROME2";
    private static final String RGB = "RGB";
    private static final Pattern DECIMAL_STRING = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private DicomPixelReader() {
    }

    /** @throws InvalidImageException when the bytes are not an acceptable DICOM image, or its pixels are not readable */
    public static DicomPixels read(byte[] bytes) {
        DicomFile file = DicomReader.read(bytes);
        InspectedImage image = DicomImageValidator.validate(file);
        DicomDataset ds = file.dataset();
        int bitsAllocated = image.dicom().orElseThrow().bitsAllocated();
        if (bitsAllocated != 8 && bitsAllocated != 16) {
            throw new InvalidImageException(RejectionReason.CORRUPT, "DICOM Bits Allocated (0028,0100) = "
                    + bitsAllocated + " is not supported for radiographs; send 8 or 16 bits per sample");
        }
        int bitsStored = ds.uint16(Tag.BITS_STORED).orElse(bitsAllocated);
        if (bitsStored == 0 || bitsStored > bitsAllocated) {
            throw InvalidImageException.corrupt("DICOM Bits Stored (0028,0101) = " + bitsStored + " is impossible with"
                    + " Bits Allocated (0028,0100) = " + bitsAllocated + "; it must be between 1 and " + bitsAllocated);
        }
        int highBit = ds.uint16(Tag.HIGH_BIT).orElse(bitsStored - 1);
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw InvalidImageException.corrupt("DICOM High Bit (0028,0102) = " + highBit + " does not place Bits"
                    + " Stored (0028,0101) = " + bitsStored + " within Bits Allocated (0028,0100) = " + bitsAllocated);
        }
        boolean signed = ds.uint16(Tag.PIXEL_REPRESENTATION).orElse(0) == 1;
        int samples = Math.max(1, ds.uint16(Tag.SAMPLES_PER_PIXEL).orElse(1));
        String photometric = photometricInterpretation(ds, samples);
        boolean planar = ds.uint16(Tag.PLANAR_CONFIGURATION).orElse(0) == 1;
        int width = image.width();
        int height = image.height();
        byte[] data = ds.find(Tag.PIXEL_DATA).orElseThrow().value();

        Layout layout = new Layout(bitsAllocated, bitsStored, highBit - bitsStored + 1, signed);
        int pixelCount = width * height;
        int[] values = new int[pixelCount];
        if (samples == 1) {
            for (int pixel = 0; pixel < pixelCount; pixel++) {
                values[pixel] = layout.value(data, pixel);
            }
        } else {
            for (int pixel = 0; pixel < pixelCount; pixel++) {
                int r = layout.value(data, planar ? pixel : 3 * pixel);
                int g = layout.value(data, planar ? pixelCount + pixel : 3 * pixel + 1);
                int b = layout.value(data, planar ? 2 * pixelCount + pixel : 3 * pixel + 2);
                values[pixel] = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            }
        }
        Map<String, String> ignored = new LinkedHashMap<>();
        double[] rescale = rescale(ds, ignored);
        boolean rescaleIgnored = !ignored.isEmpty();
        Optional<VoiWindow> window = window(ds, ignored);
        if (window.isPresent() && rescaleIgnored) {
            // The window is given in modality units: without the sender's rescale it cannot be placed either.
            firstValue(ds, Tag.WINDOW_CENTER).ifPresent(text -> ignored.put("WindowCenter", text));
            firstValue(ds, Tag.WINDOW_WIDTH).ifPresent(text -> ignored.put("WindowWidth", text));
            window = Optional.empty();
        }
        return new DicomPixels(width, height, photometric, bitsStored, signed, rescale[0], rescale[1], window, values,
                ignored, ds.string(Tag.IMAGE_LATERALITY).or(() -> ds.string(Tag.LATERALITY)).map(String::trim));
    }

    /** Where the stored bits sit in each allocated sample (PS3.5 8.1.1). */
    private record Layout(int bitsAllocated, int bitsStored, int shift, boolean signed) {

        int value(byte[] data, int index) {
            int raw = bitsAllocated == 8
                    ? data[index] & 0xFF
                    : (data[2 * index] & 0xFF) | (data[2 * index + 1] & 0xFF) << 8;
            int value = (raw >>> shift) & ((1 << bitsStored) - 1);
            if (signed && (value & (1 << (bitsStored - 1))) != 0) {
                value -= 1 << bitsStored;
            }
            return value;
        }
    }

    /** MONOCHROME1/2 with one sample, RGB with three; anything else is refused with the reason. */
    private static String photometricInterpretation(DicomDataset ds, int samples) {
        Optional<String> declared = ds.string(Tag.PHOTOMETRIC_INTERPRETATION)
                .map(v -> v.trim().toUpperCase(Locale.ROOT));
        if (declared.isEmpty()) {
            if (samples == 1) {
                return MONOCHROME2; // lenient: one sample without a declared interpretation reads as grayscale
            }
            throw InvalidImageException.corrupt("DICOM image has " + samples + " Samples per Pixel (0028,0002) but no"
                    + " Photometric Interpretation (0028,0004), so its samples cannot be read");
        }
        String value = declared.get();
        int expected;
        if (value.equals(MONOCHROME1) || value.equals(MONOCHROME2)) {
            expected = 1;
        } else if (value.equals(RGB)) {
            expected = 3;
        } else {
            throw new InvalidImageException(RejectionReason.UNRECOGNIZED_FORMAT, "DICOM photometric interpretation "
                    + value + " is not supported; send MONOCHROME1, MONOCHROME2 or RGB pixel data");
        }
        if (samples != expected) {
            throw InvalidImageException.corrupt("DICOM Photometric Interpretation (0028,0004) " + value + " needs "
                    + expected + " Samples per Pixel (0028,0002), but the image declares " + samples);
        }
        return value;
    }

    /** {slope, intercept}: the sender's when both are usable, else the identity, with what was wrong noted. */
    private static double[] rescale(DicomDataset ds, Map<String, String> ignored) {
        Optional<String> slopeText = firstValue(ds, Tag.RESCALE_SLOPE);
        Optional<String> interceptText = firstValue(ds, Tag.RESCALE_INTERCEPT);
        OptionalDouble slope = finite(slopeText);
        OptionalDouble intercept = finite(interceptText);
        boolean slopeUnusable = slopeText.isPresent() && (slope.isEmpty() || slope.getAsDouble() == 0);
        boolean interceptUnusable = interceptText.isPresent() && intercept.isEmpty();
        if (slopeUnusable || interceptUnusable) {
            // Half a rescale is no rescale: a window given in modality units would not fit either half alone.
            slopeText.ifPresent(text -> ignored.put("RescaleSlope", text));
            interceptText.ifPresent(text -> ignored.put("RescaleIntercept", text));
            return new double[] {1, 0};
        }
        return new double[] {slope.orElse(1), intercept.orElse(0)};
    }

    private static Optional<VoiWindow> window(DicomDataset ds, Map<String, String> ignored) {
        Optional<String> centerText = firstValue(ds, Tag.WINDOW_CENTER);
        Optional<String> widthText = firstValue(ds, Tag.WINDOW_WIDTH);
        Optional<String> functionText = ds.string(Tag.VOI_LUT_FUNCTION).map(String::trim);
        if (centerText.isEmpty() && widthText.isEmpty()) {
            return Optional.empty();
        }
        VoiWindow.LutFunction function = VoiWindow.LutFunction.LINEAR;
        if (functionText.isPresent()) {
            try {
                function = VoiWindow.LutFunction.valueOf(functionText.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                ignored.put("VOILUTFunction", functionText.get()); // not a defined term: the default, LINEAR
            }
        }
        OptionalDouble center = finite(centerText);
        OptionalDouble width = finite(widthText);
        if (center.isEmpty() || width.isEmpty() || !VoiWindow.isUsableWidth(width.getAsDouble(), function)) {
            centerText.ifPresent(text -> ignored.put("WindowCenter", text));
            widthText.ifPresent(text -> ignored.put("WindowWidth", text));
            return Optional.empty();
        }
        return Optional.of(new VoiWindow(center.getAsDouble(), width.getAsDouble(), function));
    }

    // A DS value may hold several values ("40\80"); the first is the default one.
    private static Optional<String> firstValue(DicomDataset ds, int tag) {
        return ds.string(tag).map(v -> v.split("\\\\")[0].trim());
    }

    /**
     * A DS value as a number, only when it is written as one (PS3.5 6.2: digits, sign, point, exponent): Java would
     * also parse "NaN", "Infinity", "0x1p3" or "1d", none of which is a decimal string.
     */
    private static OptionalDouble finite(Optional<String> text) {
        if (text.isEmpty() || !DECIMAL_STRING.matcher(text.get()).matches()) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text.get());
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
