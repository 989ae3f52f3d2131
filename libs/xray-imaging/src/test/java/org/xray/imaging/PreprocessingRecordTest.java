package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.PreprocessingStep;

class PreprocessingRecordTest {

    private static final PreprocessingSettings DEFAULTS = PreprocessingSettings.defaults();

    @Test
    void recordsEverySettingAndEveryPartsFraming() {
        Map<String, String> record = PreprocessingRecord.of(DEFAULTS);

        assertThat(record).containsKeys(Arrays.stream(PreprocessingSettings.class.getRecordComponents())
                .map(RecordComponent::getName).toArray(String[]::new));
        assertThat(record).containsEntry("framing", "CANONICAL").containsEntry("claheClipLimit", "2.0")
                .containsEntry("partFraming.XR_HAND", PartFraming.of(BodyPart.XR_HAND).toString())
                .containsKey("partFraming.UNKNOWN");
    }

    @Test
    void acceptsAnImagePreparedAsTheModelsTrainingImages() {
        assertThat(PreprocessingRecord.mismatch(steps(DEFAULTS, BodyPart.XR_WRIST), BodyPart.XR_WRIST,
                PreprocessingRecord.of(DEFAULTS))).isEmpty();
        // The mask does not change the pixels; neither do CLAHE's parameters when CLAHE is not used.
        Map<String, String> model = new HashMap<>(PreprocessingRecord.of(DEFAULTS.withMask(false)));
        model.put("claheTileGrid", "4");
        assertThat(PreprocessingRecord.mismatch(steps(DEFAULTS, BodyPart.XR_WRIST), BodyPart.XR_WRIST, model))
                .isEmpty();
    }

    @Test
    void refusesAnImageFramedOrEqualisedOtherwiseThanTheModelsTrainingImages() {
        Map<String, String> model = PreprocessingRecord.of(DEFAULTS);

        assertThat(PreprocessingRecord.mismatch(steps(DEFAULTS.withFraming(Framing.WHOLE_IMAGE), BodyPart.XR_HAND),
                BodyPart.XR_HAND, model)).hasValueSatisfying(message -> assertThat(message)
                .contains("framing: image WHOLE_IMAGE, model CANONICAL", "xray.preprocess"));
        assertThat(PreprocessingRecord.mismatch(steps(DEFAULTS.withEqualization(Equalization.CLAHE),
                BodyPart.XR_HAND), BodyPart.XR_HAND, model)).hasValueSatisfying(message -> assertThat(message)
                .contains("equalization: image CLAHE, model HISTOGRAM"));
    }

    @Test
    void refusesAnImageWhosePartIsFramedOtherwiseThanTheModelRecords() {
        Map<String, String> model = new HashMap<>(PreprocessingRecord.of(DEFAULTS));
        model.put("partFraming.XR_ELBOW", PartFraming.of(BodyPart.XR_HAND).toString());

        assertThat(PreprocessingRecord.mismatch(steps(DEFAULTS, BodyPart.XR_ELBOW), BodyPart.XR_ELBOW, model))
                .hasValueSatisfying(message -> assertThat(message).contains("partFraming.XR_ELBOW"));
        assertThat(PreprocessingRecord.mismatch(steps(DEFAULTS, BodyPart.XR_HAND), BodyPart.XR_HAND, model))
                .isEmpty();
    }

    @Test
    void refusesImagesForABundleThatRecordsNoFraming() {
        Map<String, String> olderBundle = Map.of("size", "64", "crop", "true", "equalization", "CLAHE");

        assertThat(PreprocessingRecord.mismatch(steps(DEFAULTS.withEqualization(Equalization.CLAHE),
                BodyPart.XR_HAND), BodyPart.XR_HAND, olderBundle)).hasValueSatisfying(message -> assertThat(message)
                .contains("framing: image CANONICAL, model none recorded"));
    }

    @Test
    void leavesImagesWithoutASettingsRecordToTheSizeCheck() {
        assertThat(PreprocessingRecord.mismatch(List.of(new PreprocessingStep("resize-pad", Map.of("size", "64"))),
                BodyPart.XR_HAND, Map.of("size", "64"))).isEmpty();
    }

    private static List<PreprocessingStep> steps(PreprocessingSettings settings, BodyPart part) {
        return List.of(PreprocessingRecord.step(settings, part), new PreprocessingStep("decode", Map.of()));
    }
}
