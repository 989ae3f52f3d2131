package org.xray.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.PreprocessingStep;

/**
 * How images were prepared, as text: in a model bundle's {@code preprocessing} (the settings its training images had,
 * and the framing of every body part) and in each preprocessed image's first step, {@value #STEP} (the settings it was
 * prepared with, and its part's framing). A scorer compares the two so that it never scores an image prepared
 * otherwise than its model's training images: the scores would mean nothing.
 */
public final class PreprocessingRecord {

    /** Name of the step that records the settings an image was prepared with. */
    public static final String STEP = "settings";
    /** Prefix of the keys that hold each body part's {@link PartFraming}, e.g. {@code partFraming.XR_HAND}. */
    static final String PART_FRAMING = "partFraming.";

    private PreprocessingRecord() {
    }

    /**
     * A bundle's {@code preprocessing}: every settings component by name (as {@code Hyperparameters} writes a
     * record, so {@code Hyperparameters.parse} reads the settings back) and every body part's framing.
     */
    public static Map<String, String> of(PreprocessingSettings settings) {
        Map<String, String> record = new TreeMap<>(settingsText(settings));
        for (BodyPart part : BodyPart.values()) {
            record.put(PART_FRAMING + part.name(), PartFraming.of(part).toString());
        }
        return record;
    }

    /** The step an image prepared with {@code settings} as a {@code part} carries first. */
    static PreprocessingStep step(PreprocessingSettings settings, BodyPart part) {
        Map<String, String> parameters = new TreeMap<>(settingsText(settings));
        parameters.put("partFraming", PartFraming.of(part).toString());
        return new PreprocessingStep(STEP, parameters);
    }

    /**
     * Why an image was not prepared as the model's training images were, in words a user can act on; empty when it
     * was, or when the image carries no {@value #STEP} step (a producer other than preprocess-service: only its
     * size can be checked). Settings that do not change the pixels (the mask; CLAHE's parameters when CLAHE is not
     * used) are not compared.
     *
     * @param imageSteps the image's preprocessing steps
     * @param part       the image's body part
     * @param model      the model bundle's {@code preprocessing}
     */
    public static Optional<String> mismatch(List<PreprocessingStep> imageSteps, BodyPart part,
                                            Map<String, String> model) {
        Optional<PreprocessingStep> step = imageSteps.stream().filter(s -> s.name().equals(STEP)).findFirst();
        if (step.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> image = step.get().parameters();
        List<String> compared = new ArrayList<>(List.of("size", "framing", "equalization"));
        if (Equalization.CLAHE.name().equals(image.get("equalization"))) {
            compared.addAll(List.of("claheClipLimit", "claheTileGrid"));
        }
        List<String> differences = new ArrayList<>();
        for (String key : compared) {
            differ(key, image.get(key), model.get(key)).ifPresent(differences::add);
        }
        if (Framing.CANONICAL.name().equals(image.get("framing"))) {
            differ(PART_FRAMING + part.name(), image.get("partFraming"), model.get(PART_FRAMING + part.name()))
                    .ifPresent(differences::add);
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the image was preprocessed otherwise than the model's training images ("
                + String.join("; ", differences) + "); set preprocess-service's xray.preprocess.* to the model's "
                + "settings, or serve a model trained with the preprocessing in use");
    }

    private static Optional<String> differ(String key, String image, String model) {
        if (image == null || image.equals(model)) {
            return Optional.empty();
        }
        return Optional.of(key + ": image " + image + ", model "
                + (model == null ? "none recorded (a bundle from an older trainer)" : model));
    }

    /** Each settings component as {@code String.valueOf} writes it: the form {@code Hyperparameters} uses. */
    private static Map<String, String> settingsText(PreprocessingSettings settings) {
        return Map.of("size", String.valueOf(settings.size()), "framing", settings.framing().name(),
                "equalization", settings.equalization().name(),
                "claheClipLimit", String.valueOf(settings.claheClipLimit()),
                "claheTileGrid", String.valueOf(settings.claheTileGrid()), "mask", String.valueOf(settings.mask()));
    }
}
