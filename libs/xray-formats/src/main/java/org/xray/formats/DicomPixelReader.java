package org.xray.formats;

import java.util.Optional;
import java.util.OptionalDouble;

import org.xray.contracts.RejectionReason;

/** Reads the pixel data of a DICOM image that {@link ImageInspector} accepts. */
public final class DicomPixelReader {

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
        int bitsStored = Math.min(ds.uint16(Tag.BITS_STORED).orElse(bitsAllocated), bitsAllocated);
        boolean signed = ds.uint16(Tag.PIXEL_REPRESENTATION).orElse(0) == 1;
        int samples = Math.max(1, ds.uint16(Tag.SAMPLES_PER_PIXEL).orElse(1));
        boolean planar = ds.uint16(Tag.PLANAR_CONFIGURATION).orElse(0) == 1;
        int width = image.width();
        int height = image.height();
        byte[] data = ds.find(Tag.PIXEL_DATA).orElseThrow().value();

        int pixelCount = width * height;
        int[] values = new int[pixelCount];
        for (int pixel = 0; pixel < pixelCount; pixel++) {
            long sum = 0;
            for (int sample = 0; sample < samples; sample++) {
                int index = planar ? sample * pixelCount + pixel : pixel * samples + sample;
                sum += storedValue(data, index, bitsAllocated, bitsStored, signed);
            }
            values[pixel] = (int) (sum / samples);
        }
        return new DicomPixels(width, height, ds.string(Tag.PHOTOMETRIC_INTERPRETATION).orElse("MONOCHROME2"),
                bitsStored, signed, decimal(ds, Tag.RESCALE_SLOPE).orElse(1.0),
                decimal(ds, Tag.RESCALE_INTERCEPT).orElse(0.0), window(ds), values);
    }

    private static int storedValue(byte[] data, int index, int bitsAllocated, int bitsStored, boolean signed) {
        int raw = bitsAllocated == 8
                ? data[index] & 0xFF
                : (data[2 * index] & 0xFF) | (data[2 * index + 1] & 0xFF) << 8;
        int mask = (1 << bitsStored) - 1;
        int value = raw & mask;
        if (signed && (value & (1 << (bitsStored - 1))) != 0) {
            value -= 1 << bitsStored;
        }
        return value;
    }

    private static Optional<VoiWindow> window(DicomDataset ds) {
        OptionalDouble center = decimal(ds, Tag.WINDOW_CENTER);
        OptionalDouble width = decimal(ds, Tag.WINDOW_WIDTH);
        if (center.isEmpty() || width.isEmpty() || width.getAsDouble() < 1) {
            return Optional.empty();
        }
        return Optional.of(new VoiWindow(center.getAsDouble(), width.getAsDouble()));
    }

    // A DS value may hold several values ("40\80"); the first is the default one.
    private static OptionalDouble decimal(DicomDataset ds, int tag) {
        Optional<String> text = ds.string(tag).map(v -> v.split("\\\\")[0].trim());
        try {
            return text.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(text.get()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
