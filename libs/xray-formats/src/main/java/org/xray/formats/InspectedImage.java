package org.xray.formats;

import java.util.Objects;
import java.util.Optional;
import org.xray.contracts.ImageFormat;

/** What {@link ImageInspector} learned from validated bytes; {@code dicom} is present only for DICOM. */
public record InspectedImage(ImageFormat format, int width, int height, Optional<DicomAttributes> dicom) {
    public InspectedImage {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dicom, "dicom");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
    }
}
