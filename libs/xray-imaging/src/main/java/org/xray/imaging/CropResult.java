package org.xray.imaging;

import java.util.Objects;
import java.util.Optional;
import org.xray.contracts.events.PreprocessingStep;

/**
 * The output of {@link RadiographCropper}.
 *
 * @param image the upright crop, or the whole input when no radiograph region was clear enough
 * @param box   where the crop came from; empty when the cropper fell back to the whole image
 * @param step  the {@code crop} record, with {@code fallback=true} and a {@code reason} when it fell back
 */
public record CropResult(GrayImage image, Optional<CropBox> box, PreprocessingStep step) {

    public CropResult {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(step, "step");
    }

    public boolean fellBack() {
        return box.isEmpty();
    }
}
