package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsAndImageTest {

    @Test
    void defaultsAreSixtyFourPixelsCanonicallyFramedWithPartHistogramEqualisationAndMask() {
        PreprocessingSettings defaults = PreprocessingSettings.defaults();

        assertThat(defaults).isEqualTo(new PreprocessingSettings(64, Framing.CANONICAL, Equalization.HISTOGRAM, 2.0,
                8, true));
    }

    @Test
    void refusesUnsupportedSizesAndCLaheParametersWithAClearMessage() {
        assertThatThrownBy(() -> PreprocessingSettings.defaults().withSize(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be one of 32, 64, 128 or 256, was 100");
        assertThatThrownBy(() -> new PreprocessingSettings(64, Framing.CANONICAL, Equalization.CLAHE, 0, 8,
                true))
                .hasMessageContaining("claheClipLimit");
        assertThatThrownBy(() -> new PreprocessingSettings(32, Framing.CANONICAL, Equalization.CLAHE, 2, 64,
                true))
                .hasMessageContaining("claheTileGrid");
    }

    @Test
    void refusesAugmentationRangesThatMakeNoSense() {
        assertThatThrownBy(() -> new AugmentationSettings(1.5, 10, 0.9, 1.1, 0.1, 0.2))
                .hasMessageContaining("flipProbability");
        assertThatThrownBy(() -> new AugmentationSettings(0.5, 10, 1.2, 1.1, 0.1, 0.2))
                .hasMessageContaining("minZoom <= maxZoom");
        assertThatThrownBy(() -> new AugmentationSettings(0.5, 10, 0.9, 1.1, 0.1, 1))
                .hasMessageContaining("maxContrastFactor");
    }

    @Test
    void grayImageChecksItsLengthAndComparesPixels() {
        assertThatThrownBy(() -> new GrayImage(4, 4, new byte[15]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 16 pixel bytes, got 15");
        assertThat(new GrayImage(2, 1, new byte[] {1, 2})).isEqualTo(new GrayImage(2, 1, new byte[] {1, 2}))
                .isNotEqualTo(new GrayImage(1, 2, new byte[] {1, 2}));
    }
}
