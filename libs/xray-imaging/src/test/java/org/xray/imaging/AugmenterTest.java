package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.xray.contracts.BodyPart;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final GrayImage IMAGE = new RadiographPreprocessor(PreprocessingSettings.defaults())
            .process(TestImages.radiograph(90, 150, 11), BodyPart.XR_FOREARM).image();

    @Test
    void sameSeedGivesSameAugmentationAndDifferentSeedsDiffer() {
        Augmenter augmenter = new Augmenter(AugmentationSettings.defaults());

        GrayImage first = augmenter.augment(IMAGE, 42);
        GrayImage again = augmenter.augment(IMAGE, 42);
        GrayImage other = augmenter.augment(IMAGE, 43);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).isNotEqualTo(IMAGE);
        assertThat(first.width()).isEqualTo(IMAGE.width());
        assertThat(first.height()).isEqualTo(IMAGE.height());
    }

    @Test
    void neutralSettingsLeaveTheImageUnchanged() {
        Augmenter neutral = new Augmenter(new AugmentationSettings(0, 0, 1, 1, 0, 0));

        assertThat(neutral.augment(IMAGE, 7)).isEqualTo(IMAGE);
    }

    @Test
    void flipMirrorsLeftAndRight() {
        Augmenter flipOnly = new Augmenter(new AugmentationSettings(1, 0, 1, 1, 0, 0));

        GrayImage flipped = flipOnly.augment(IMAGE, 7);

        for (int y = 0; y < IMAGE.height(); y++) {
            for (int x = 0; x < IMAGE.width(); x++) {
                assertThat(flipped.level(x, y)).isEqualTo(IMAGE.level(IMAGE.width() - 1 - x, y));
            }
        }
    }

    @Test
    void zoomingOutLeavesBlackBorders() {
        GrayImage bright = TestImages.uniform(64, 64, 200);
        Augmenter zoomOut = new Augmenter(new AugmentationSettings(0, 0, 0.5, 0.5, 0, 0));

        GrayImage out = zoomOut.augment(bright, 1);

        assertThat(out.level(0, 0)).isZero();
        assertThat(out.level(63, 63)).isZero();
        assertThat(out.level(32, 32)).isEqualTo(200);
    }

    @Test
    void brightnessAndContrastStayWithinTheirRanges() {
        GrayImage mid = TestImages.uniform(32, 32, 128);
        Augmenter photometric = new Augmenter(new AugmentationSettings(0, 0, 1, 1, 0.1, 0.2));

        for (long seed = 0; seed < 20; seed++) {
            // Contrast around the mean does nothing to a flat image; only the shift of at most 25.5 levels shows.
            assertThat(TestImages.mean(photometric.augment(mid, seed))).isBetween(102.0, 154.0);
        }
    }

    @Test
    void brightnessAndContrastLeaveThePaddingAtZero() {
        // The preprocessed image is padded left and right (a portrait radiograph in a square).
        long padding = IntStream.range(0, IMAGE.pixels().length).filter(i -> IMAGE.pixels()[i] == 0).count();
        assertThat(padding).isGreaterThan(IMAGE.pixels().length / 10);
        Augmenter photometric = new Augmenter(new AugmentationSettings(0, 0, 1, 1, 0.1, 0.2));

        for (long seed = 0; seed < 200; seed++) {
            GrayImage out = photometric.augment(IMAGE, seed);
            for (int i = 0; i < IMAGE.pixels().length; i++) {
                if (IMAGE.pixels()[i] == 0) {
                    assertThat(out.pixels()[i]).as("seed %d, pixel %d", seed, i).isZero();
                }
            }
        }
    }

    @Test
    void contrastTurnsAboutTheContentMeanNotThePadding() {
        // Half padding, half content at 100: contrast alone must leave the content at 100 (its own mean).
        byte[] pixels = new byte[64 * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 64 < 32 ? 0 : 100);
        }
        GrayImage half = new GrayImage(64, 64, pixels);
        Augmenter contrastOnly = new Augmenter(new AugmentationSettings(0, 0, 1, 1, 0, 0.2));

        for (long seed = 0; seed < 20; seed++) {
            GrayImage out = contrastOnly.augment(half, seed);
            assertThat(out.level(10, 10)).isZero();
            assertThat(out.level(50, 10)).isEqualTo(100);
        }
    }
}
