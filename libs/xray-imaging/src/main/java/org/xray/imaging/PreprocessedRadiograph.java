package org.xray.imaging;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xray.contracts.events.PreprocessingStep;

/**
 * A model-size image ready for scoring or training.
 *
 * @param image 8-bit, {@code size x size}: what travels on {@code xray.images.preprocessed}
 * @param mask  same size, 255 on the body part and 0 on air and padding, when the settings ask for one
 * @param steps the {@link PreprocessingRecord#STEP} record of the settings first, then every step that ran, in
 *              order, with its parameters (decode steps first when decoded here)
 * @param stageDurations wall time per stage that ran ({@code decode}, {@code frame}, {@code resize-pad},
 *                       {@code equalization}), in order: for metrics, not for the wire
 */
public record PreprocessedRadiograph(GrayImage image, Optional<GrayImage> mask, List<PreprocessingStep> steps,
                                     Map<String, Duration> stageDurations) {

    public PreprocessedRadiograph {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
        mask.ifPresent(m -> {
            if (m.width() != image.width() || m.height() != image.height()) {
                throw new IllegalArgumentException("mask " + m + " does not match image " + image);
            }
        });
        steps = List.copyOf(steps);
        stageDurations = Collections.unmodifiableMap(new LinkedHashMap<>(stageDurations));
    }
}
