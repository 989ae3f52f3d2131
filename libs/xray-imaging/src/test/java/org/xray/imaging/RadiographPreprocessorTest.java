package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xray.contracts.BodyPart;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.formats.InvalidImageException;

class RadiographPreprocessorTest {

    private static final BodyPart PART = BodyPart.XR_FOREARM;

    private static final PreprocessingSettings PLAIN = PreprocessingSettings.defaults().withFraming(Framing.WHOLE_IMAGE)
            .withEqualization(Equalization.NONE).withMask(false);

    @Test
    void resizesKeepingAspectRatioAndCentrePads() {
        // 200x100, 2:1 landscape -> 64x32 content, 16 rows of padding above and below.
        PreprocessedRadiograph result = new RadiographPreprocessor(PLAIN)
                .process(TestImages.radiograph(200, 100, 3), PART);

        GrayImage image = result.image();
        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(64);
        assertThat(TestImages.meanOf(image, 0, 0, 64, 16)).isZero();
        assertThat(TestImages.meanOf(image, 0, 48, 64, 64)).isZero();
        assertThat(TestImages.meanOf(image, 0, 16, 64, 48)).isPositive();
        assertThat(result.steps().get(2)).satisfies(step -> assertThat(step.parameters())
                .containsEntry("size", "64").containsEntry("contentWidth", "64").containsEntry("contentHeight", "32")
                .containsEntry("offsetX", "0").containsEntry("offsetY", "16").containsEntry("interpolation", "area"));
    }

    @Test
    void producesEverySupportedSize() {
        GrayImage input = TestImages.radiograph(90, 150, 7);
        for (int size : List.of(32, 64, 128, 256)) {
            PreprocessedRadiograph result = new RadiographPreprocessor(PreprocessingSettings.defaults()
                    .withSize(size)).process(input, PART);

            assertThat(result.image().width()).isEqualTo(size);
            assertThat(result.image().height()).isEqualTo(size);
            assertThat(result.mask().orElseThrow().width()).isEqualTo(size);
        }
    }

    @Test
    void equalisationRaisesContrast() {
        // A low-contrast radiograph: levels squeezed into 100..140.
        GrayImage source = TestImages.radiograph(120, 200, 8);
        byte[] squeezed = source.pixels().clone();
        for (int i = 0; i < squeezed.length; i++) {
            squeezed[i] = (byte) (100 + (squeezed[i] & 0xFF) * 40 / 255);
        }
        GrayImage lowContrast = new GrayImage(120, 200, squeezed);

        double none = contentStdDev(PLAIN, lowContrast);
        double histogram = contentStdDev(PLAIN.withEqualization(Equalization.HISTOGRAM), lowContrast);
        double clahe = contentStdDev(PLAIN.withEqualization(Equalization.CLAHE), lowContrast);

        assertThat(histogram).isGreaterThan(none * 2);
        assertThat(clahe).isGreaterThan(none * 1.5);
    }

    @Test
    void recordsEveryStepWithItsParameters() {
        TestImages.Placement placed = TestImages.placed(TestImages.radiograph(180, 300, 1), 640, 520, 360, 260, 20,
                40);

        PreprocessedRadiograph result = new RadiographPreprocessor(PreprocessingSettings.defaults())
                .process(TestImages.png(placed.canvas()), PART);

        assertThat(result.steps()).extracting(PreprocessingStep::name)
                .containsExactly("settings", "decode", "frame", "resize-pad", "histogram-equalization");
        Map<String, Map<String, String>> byName = result.steps().stream()
                .collect(Collectors.toMap(PreprocessingStep::name, PreprocessingStep::parameters));
        assertThat(byName.get("settings")).containsEntry("size", "64").containsEntry("framing", "CANONICAL")
                .containsEntry("equalization", "HISTOGRAM")
                .containsEntry("partFraming", PartFraming.of(PART).toString());
        assertThat(byName.get("decode")).containsEntry("format", "PNG").containsEntry("width", "640")
                .containsEntry("height", "520").containsEntry("bitDepth", "8");
        assertThat(byName.get("frame")).containsEntry("framing", "CANONICAL").containsEntry("laterality", "UNKNOWN")
                .containsKeys("airThreshold", "coverage", "centerX", "centerY", "width", "height", "angle",
                        "mirrored", "flipped");
        assertThat(Double.parseDouble(byName.get("frame").get("angle"))).isBetween(15.0, 25.0);
        assertThat(byName.get("resize-pad")).containsEntry("size", "64").containsEntry("contentHeight", "64")
                .containsEntry("padValue", "0");
        assertThat(byName.get("histogram-equalization")).containsEntry("floor", "16").containsKey("partPixels");
        assertThat(result.stageDurations()).containsOnlyKeys("decode", "frame", "resize-pad", "equalization");
        assertThat(result.stageDurations().get("decode")).isPositive();
    }

    @Test
    void refusesABlankImageAsNoBodyPartFound() {
        RadiographPreprocessor preprocessor = new RadiographPreprocessor(PreprocessingSettings.defaults());

        for (int level : new int[] {0, 180}) {
            assertThatThrownBy(() -> preprocessor.process(TestImages.uniform(300, 200, level), PART))
                    .isInstanceOfSatisfying(InvalidImageException.class, e -> assertThat(e.reason())
                            .isEqualTo(RejectionReason.NO_BODY_PART_FOUND))
                    .hasMessageContaining("No body part found");
        }
    }

    @Test
    void recordsOnlyTheStepsThatRan() {
        PreprocessedRadiograph result = new RadiographPreprocessor(PLAIN).process(TestImages.radiograph(64, 64, 2), PART);

        assertThat(result.steps()).extracting(PreprocessingStep::name).containsExactly("settings", "frame", "resize-pad");
        assertThat(result.mask()).isEmpty();
    }

    @Test
    void preprocessesDicomFromBytesWithTheDecodeRecordFirst() {
        PreprocessedRadiograph result = new RadiographPreprocessor(PreprocessingSettings.defaults()
                .withFraming(Framing.WHOLE_IMAGE)).process(TestImages.fixture("dx-monochrome1-bone.dcm"), PART);

        assertThat(result.steps()).extracting(PreprocessingStep::name).containsExactly("settings", "decode",
                "percentile-stretch", "invert-monochrome1", "frame", "resize-pad", "histogram-equalization");
        // The bone bar, now bright, is the foreground in the middle of the mask.
        assertThat(result.mask().orElseThrow().level(32, 32)).isEqualTo(255);
        assertThat(result.mask().orElseThrow().level(4, 32)).isZero();
    }

    @Test
    void masksTheBodyPartAndTreatsPaddingAsBackground() {
        // A bright 40x100 body part centred in a dark 80x100 image -> 51x64 content, body part 25.6 px wide.
        byte[] pixels = new byte[80 * 100];
        for (int y = 0; y < 100; y++) {
            for (int x = 20; x < 60; x++) {
                pixels[y * 80 + x] = (byte) 180;
            }
        }
        PreprocessedRadiograph result = new RadiographPreprocessor(PLAIN.withMask(true))
                .process(new GrayImage(80, 100, pixels), PART);

        GrayImage mask = result.mask().orElseThrow();
        assertThat(mask.level(32, 32)).isEqualTo(255);
        assertThat(mask.level(14, 32)).isZero();
        assertThat(mask.level(2, 32)).isZero();
        // 0.4 of the width is the bar; a bar as tall as the image borders uniform dark columns as a collimation
        // band would, so the band's two-pixel soft edge is cut off each side (0.35).
        assertThat(TestImages.meanOf(mask, 0, 0, 64, 64) / 255).isBetween(0.3, 0.43);
    }

    @Test
    void framesAPartOfOneLevelThatHasNoBonesToTurnBy() {
        // A flat bar: every part level is the median, so a bone-axis part (the hand) falls back to its outline.
        byte[] pixels = new byte[120 * 100];
        for (int y = 10; y < 90; y++) {
            for (int x = 40; x < 70; x++) {
                pixels[y * 120 + x] = (byte) 180;
            }
        }
        PreprocessedRadiograph result = new RadiographPreprocessor(PreprocessingSettings.defaults())
                .process(new GrayImage(120, 100, pixels), BodyPart.XR_HAND);

        Map<String, String> frame = result.steps().stream().filter(step -> step.name().equals("frame"))
                .findFirst().orElseThrow().parameters();
        // The part is found on a smoothed view: a hard 30x80 edge widens by up to two pixels a side.
        assertThat(Double.parseDouble(frame.get("angle"))).isZero();
        assertThat(Double.parseDouble(frame.get("width"))).isBetween(29.0, 35.0);
        assertThat(Double.parseDouble(frame.get("height"))).isBetween(79.0, 85.0);
    }

    @Test
    void oneInstanceServesManyThreadsWithTheSameResult() throws Exception {
        RadiographPreprocessor shared = new RadiographPreprocessor(PreprocessingSettings.defaults());
        byte[] png = TestImages.png(TestImages.placed(TestImages.radiograph(120, 200, 9), 400, 360, 200, 180, -15,
                20).canvas());
        PreprocessedRadiograph expected = shared.process(png, PART);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PreprocessedRadiograph>> results = pool.invokeAll(java.util.Collections.nCopies(16,
                    () -> shared.process(png, PART)));
            for (Future<PreprocessedRadiograph> result : results) {
                assertThat(result.get().image()).isEqualTo(expected.image());
                assertThat(result.get().mask()).isEqualTo(expected.mask());
                assertThat(result.get().steps()).isEqualTo(expected.steps());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double contentStdDev(PreprocessingSettings settings, GrayImage image) {
        GrayImage out = new RadiographPreprocessor(settings).process(image, PART).image();
        // 120x200 -> 38x64 content at offset 13; measure inside it only.
        byte[] content = new byte[34 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 34; x++) {
                content[y * 34 + x] = (byte) out.level(15 + x, y);
            }
        }
        return TestImages.stdDev(new GrayImage(34, 64, content));
    }
}
