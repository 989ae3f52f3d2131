package org.xray.imaging;

import java.util.List;
import java.util.Objects;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.events.PreprocessingStep;

/**
 * A decoded image and how it was made displayable.
 *
 * @param steps {@code decode} first, then {@code ignored-attributes} when a DICOM display attribute was unusable,
 *              then what turned wide samples into 8 bits ({@code modality-rescale}, {@code voi-window} or
 *              {@code percentile-stretch}, {@code invert-monochrome1}), each with its parameters
 * @param laterality the side the image shows, from DICOM's Image Laterality or Laterality; UNKNOWN for PNG and JPEG
 */
public record DecodedRadiograph(GrayImage image, ImageFormat sourceFormat, List<PreprocessingStep> steps,
                                Laterality laterality) {

    public DecodedRadiograph {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        Objects.requireNonNull(laterality, "laterality");
        steps = List.copyOf(steps);
    }
}
