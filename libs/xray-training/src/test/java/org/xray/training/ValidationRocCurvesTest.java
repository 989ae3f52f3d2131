package org.xray.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.ValidationRoc;
import org.xray.evaluation.ScoredImage;

class ValidationRocCurvesTest {

    @Test
    void givesEachPartItsCurveFromTheOriginToTheTopRightCorner() {
        List<ScoredImage> scored = List.of(
                image(BodyPart.XR_HAND, 0.9, true), image(BodyPart.XR_HAND, 0.8, false),
                image(BodyPart.XR_HAND, 0.7, true), image(BodyPart.XR_HAND, 0.1, false),
                image(BodyPart.XR_WRIST, 0.5, false));

        Map<String, ValidationRoc> curves = ValidationRocCurves.of(scored);

        assertThat(curves).containsOnlyKeys("XR_HAND");
        assertThat(curves.get("XR_HAND").falsePositiveRates()).containsExactly(0.0, 0.0, 0.5, 0.5, 1.0);
        assertThat(curves.get("XR_HAND").truePositiveRates()).containsExactly(0.0, 0.5, 0.5, 1.0, 1.0);
    }

    @Test
    void thinsALongCurveKeepingBothEnds() {
        List<ScoredImage> scored = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            scored.add(image(BodyPart.XR_ELBOW, i, i % 3 == 0));
        }

        ValidationRoc curve = ValidationRocCurves.of(scored).get("XR_ELBOW");

        assertThat(curve.falsePositiveRates()).hasSize(ValidationRocCurves.MAX_POINTS).startsWith(0.0).endsWith(1.0);
        assertThat(curve.truePositiveRates()).hasSize(ValidationRocCurves.MAX_POINTS).startsWith(0.0).endsWith(1.0);
        assertThat(curve.falsePositiveRates()).isSorted();
    }

    private static ScoredImage image(BodyPart part, double score, boolean abnormal) {
        String id = UUID.randomUUID().toString();
        return new ScoredImage("image-" + id, "study-" + id, part, score, abnormal);
    }
}
