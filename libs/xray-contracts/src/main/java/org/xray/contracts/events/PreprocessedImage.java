package org.xray.contracts.events;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.xray.contracts.ContractViolationException;
import org.xray.contracts.ImageFormat;

/**
 * The value on {@code xray.images.preprocessed}: an image cleaned up and resized to the model's input size.
 *
 * @param sourceFormat  the container the raw image came in
 * @param pixels        base64 of {@code width * height} bytes: 8-bit grayscale, row-major, top-left first
 * @param mask          base64 of {@code width * height} bytes, 255 inside the body part and 0 outside
 * @param preprocessing the steps applied, in order
 */
public record PreprocessedImage(
        int schemaVersion,
        ImageMetadata image,
        ImageFormat sourceFormat,
        int width,
        int height,
        String pixels,
        Optional<String> mask,
        List<PreprocessingStep> preprocessing,
        Instant preprocessedAt) {

    public PreprocessedImage {
        Require.schemaVersion(schemaVersion, "PreprocessedImage");
        Require.nonNull(image, "PreprocessedImage.image");
        Require.nonNull(sourceFormat, "PreprocessedImage.sourceFormat");
        Require.atLeast(width, 1, "PreprocessedImage.width");
        Require.atLeast(height, 1, "PreprocessedImage.height");
        requireOnePixelPerByte(Require.nonNull(pixels, "PreprocessedImage.pixels"), width, height, "pixels");
        Require.nonNull(mask, "PreprocessedImage.mask")
                .ifPresent(present -> requireOnePixelPerByte(present, width, height, "mask"));
        preprocessing = Require.listCopy(preprocessing, "PreprocessedImage.preprocessing");
        Require.nonNull(preprocessedAt, "PreprocessedImage.preprocessedAt");
    }

    /** The grayscale pixels, {@code width * height} bytes, row-major. */
    public byte[] pixelBytes() {
        return Base64.getDecoder().decode(pixels);
    }

    /** The mask bytes (0 or 255 per pixel), when the preprocessor produced one. */
    public Optional<byte[]> maskBytes() {
        return mask.map(Base64.getDecoder()::decode);
    }

    // A length check costs nothing and catches a wrong size or a truncated field without decoding.
    private static void requireOnePixelPerByte(String base64, int width, int height, String field) {
        long expected = 4 * ((((long) width * height) + 2) / 3);
        if (base64.length() != expected) {
            throw new ContractViolationException("PreprocessedImage." + field + " must be base64 of "
                    + width + "x" + height + " bytes (" + expected + " characters), was " + base64.length()
                    + " characters");
        }
    }
}
