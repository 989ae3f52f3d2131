package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.NuisanceVariation;
import org.xray.datasets.synthetic.SyntheticRadiographRenderer;
import org.xray.datasets.synthetic.SyntheticRendering;

/**
 * Canonical framing against the synthetic renderer's ground truth (visible part mask, rotation, mirroring) on FULL
 * nuisance variation: the crop holds the whole part, and the part comes out upright and, where its laterality cue
 * works, as a left part. The bounds sit below what {@code FramingBenchmark} measures on 100 images per part
 * (docs/BENCHMARKS.md), so that a regression fails and sampling noise on 40 images does not.
 */
class CanonicalFramingTest {

    private static final int IMAGES = 40;
    private static final SyntheticRadiographRenderer RENDERER =
            new SyntheticRadiographRenderer(512, NuisanceVariation.FULL);
    private static final RadiographPreprocessor PREPROCESSOR =
            new RadiographPreprocessor(PreprocessingSettings.defaults());

    @ParameterizedTest
    @EnumSource(value = BodyPart.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void cropsTheWholeVisiblePart(BodyPart part) {
        double[] ious = measure(part).stream().mapToDouble(FramingMeasure::iou).toArray();

        double minimumMean = part == BodyPart.XR_FINGER ? 0.9 : 0.94;
        assertThat(Arrays.stream(ious).average().orElseThrow()).as("mean crop IoU, %s", part)
                .isGreaterThan(minimumMean);
        assertThat(Arrays.stream(ious).filter(iou -> iou < 0.5).count()).as("crops under IoU 0.5, %s", part)
                .isLessThanOrEqualTo(part == BodyPart.XR_FINGER ? 2 : 1);
    }

    @ParameterizedTest
    @EnumSource(value = BodyPart.class, names = {"XR_HAND", "XR_WRIST", "XR_FOREARM", "XR_ELBOW", "XR_HUMERUS"})
    void turnsThePartUpright(BodyPart part) {
        // Not the finger, whose axis a neighbouring finger swings, nor the shoulder, which has none and is not
        // turned. The part's axis in its own canonical layout need not be exactly vertical: what must hold is that
        // every image of the part comes out turned the same way.
        List<Double> errors = new ArrayList<>();
        for (FramingMeasure measure : measure(part)) {
            errors.add(measure.lateralityRight() ? measure.signedAngleError() : -measure.signedAngleError());
        }
        double median = errors.stream().sorted().toList().get(errors.size() / 2);
        long turnedOtherwise = errors.stream().filter(error -> Math.abs(error - median) > 15).count();

        assertThat(Math.abs(median)).as("systematic tilt, %s", part).isLessThan(10);
        assertThat(turnedOtherwise).as("images more than 15 degrees off the others, %s", part)
                .isLessThanOrEqualTo(IMAGES / 10);
    }

    @ParameterizedTest
    @EnumSource(value = BodyPart.class, names = {"XR_HAND", "XR_FOREARM", "XR_HUMERUS", "XR_SHOULDER"})
    void mirrorsRightPartsToLeftFromTheImage(BodyPart part) {
        long right = measure(part).stream().filter(FramingMeasure::lateralityRight).count();

        assertThat(right).as("laterality decisions right of %d, %s", IMAGES, part).isGreaterThan(IMAGES * 8 / 10);
    }

    private static List<FramingMeasure> measure(BodyPart part) {
        List<FramingMeasure> measures = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            SyntheticRendering rendering = RENDERER.renderWithMasks(part, Optional.empty(), 5_000L + i);
            GrayImage input = new GrayImage(rendering.image().width(), rendering.image().height(),
                    rendering.image().pixels());
            measures.add(FramingMeasure.of(PREPROCESSOR.process(input, part), rendering));
        }
        return measures;
    }
}
