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
 */
public record DecodedRadiograph(GrayImage image, ImageFormat sourceFormat, List<PreprocessingStep> steps) {

    public DecodedRadiograph {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        steps = List.copyOf(steps);
    }
}
