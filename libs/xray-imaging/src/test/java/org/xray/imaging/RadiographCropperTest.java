package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RadiographCropperTest {

    private static final GrayImage RADIOGRAPH = TestImages.radiograph(180, 300, 1);

    // The collimation band (40 px on 640x520) holds more white pixels than the radiograph has: it must not win.
    private static final TestImages.Placement PLACED =
            TestImages.placed(RADIOGRAPH, 640, 520, 360, 260, 20, 40);

    @Test
    void cropsRotatedRadiographWithinIouOfPointNine() {
        CropResult result = RadiographCropper.crop(PLACED.canvas());

        assertThat(result.fellBack()).isFalse();
        CropBox box = result.box().orElseThrow();
        assertThat(TestImages.iou(box.corners(), PLACED.corners())).isGreaterThan(0.9);
        assertThat(box.angleDegrees()).isCloseTo(20, within(2.0));
        assertThat(result.step().parameters()).containsEntry("collimationBorder", "true");
    }

    @Test
    void findsTheBoxOfALargeScanInAReducedViewAndCutsAtFullResolution() {
        TestImages.Placement large = TestImages.placed(TestImages.radiograph(500, 800, 2), 1400, 1200, 640, 620, -25,
                80);

        CropResult result = RadiographCropper.crop(large.canvas());

        assertThat(TestImages.iou(result.box().orElseThrow().corners(), large.corners())).isGreaterThan(0.95);
        assertThat(result.image().width()).isCloseTo(500, within(10));
        assertThat(result.image().height()).isCloseTo(800, within(10));
    }

    @Test
    void cropsItUprightWithTheLongSideVertical() {
        GrayImage crop = RadiographCropper.crop(PLACED.canvas()).image();

        assertThat(crop.width()).isCloseTo(180, within(8));
        assertThat(crop.height()).isCloseTo(300, within(8));
        // Same orientation as the source: the small bright ellipse sits top-left, not bottom-right.
        double topLeft = TestImages.meanOf(crop, crop.width() / 4, crop.height() / 10, crop.width() * 5 / 12,
                crop.height() / 5);
        double bottomRight = TestImages.meanOf(crop, crop.width() * 7 / 12, crop.height() * 4 / 5,
                crop.width() * 3 / 4, crop.height() * 9 / 10);
        assertThat(topLeft).isGreaterThan(200);
        assertThat(bottomRight).isLessThan(150);
    }

    @Test
    void fallsBackToFullImageWhenNoContour() {
        GrayImage flat = TestImages.uniform(120, 90, 128);

        CropResult result = RadiographCropper.crop(flat);

        assertThat(result.fellBack()).isTrue();
        assertThat(result.image()).isEqualTo(flat);
        assertThat(result.step().name()).isEqualTo("crop");
        assertThat(result.step().parameters()).containsEntry("fallback", "true").containsKey("reason");
    }

    @Test
    void fallsBackWhenTheBodyPartAlreadyFillsTheImage() {
        // Soft tissue edge to edge, with a few small pockets of air: nothing to crop away.
        byte[] pixels = TestImages.withNoise(TestImages.uniform(160, 200, 120), 6, 3).pixels();
        for (int pocket = 0; pocket < 5; pocket++) {
            for (int y = 20 + pocket * 35; y < 26 + pocket * 35; y++) {
                for (int x = 70; x < 76; x++) {
                    pixels[y * 160 + x] = 0;
                }
            }
        }
        GrayImage tissue = new GrayImage(160, 200, pixels);

        CropResult result = RadiographCropper.crop(tissue);

        assertThat(result.fellBack()).isTrue();
        assertThat(result.image()).isEqualTo(tissue);
        assertThat(result.step().parameters()).containsEntry("reason", "region-fills-image");
    }

    @Test
    void fallsBackWhenOnlyASpeckStandsOut() {
        byte[] pixels = new byte[200 * 200];
        for (int y = 90; y < 100; y++) {
            for (int x = 90; x < 100; x++) {
                pixels[y * 200 + x] = (byte) 200;
            }
        }

        CropResult result = RadiographCropper.crop(new GrayImage(200, 200, pixels));

        assertThat(result.fellBack()).isTrue();
        assertThat(result.step().parameters()).containsEntry("reason", "region-too-small");
    }

    @Test
    void keepsATiltedLimbThatTouchesTheTopEdge() {
        // 90x420 at 30 degrees: it fills under half its bounding box, like an L of collimation, but reaches deep in.
        TestImages.Placement limb = TestImages.tilted(TestImages.radiograph(90, 420, 21), 500, 500, 250, 160, 30);

        CropResult result = RadiographCropper.crop(limb.canvas());

        assertThat(result.fellBack()).as("%s", result.step()).isFalse();
        assertThat(TestImages.iouOnImage(result.box().orElseThrow().corners(), limb.corners(), 500, 500))
                .isGreaterThanOrEqualTo(0.9);
        assertThat(result.step().parameters()).containsEntry("collimationBorder", "false");
    }

    @Test
    void keepsATiltedLimbThatTouchesTheLeftEdge() {
        TestImages.Placement limb = TestImages.tilted(TestImages.radiograph(90, 420, 22), 500, 500, 120, 250, -30);

        CropResult result = RadiographCropper.crop(limb.canvas());

        assertThat(result.fellBack()).as("%s", result.step()).isFalse();
        assertThat(TestImages.iouOnImage(result.box().orElseThrow().corners(), limb.corners(), 500, 500))
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void leavesOutStraightCollimationStripsAlongTwoEdges() {
        // Two 80-pixel strips, each filling its bounding box: compact, yet unexposed detector along the edges.
        TestImages.Placement placed = TestImages.tilted(RADIOGRAPH, 640, 520, 330, 260, 20);
        byte[] pixels = placed.canvas().pixels().clone();
        for (int y = 0; y < 520; y++) {
            for (int x = 0; x < 640; x++) {
                if (x < 80 || x >= 560) {
                    pixels[y * 640 + x] = (byte) 250;
                }
            }
        }

        CropResult result = RadiographCropper.crop(new GrayImage(640, 520, pixels));

        assertThat(result.fellBack()).isFalse();
        assertThat(TestImages.iou(result.box().orElseThrow().corners(), placed.corners())).isGreaterThan(0.9);
        assertThat(result.step().parameters()).containsEntry("collimationBorder", "true");
    }
}
