package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void mapsLevelsLinearlyOntoMinusOneToOne() {
        GrayImage image = new GrayImage(3, 1, new byte[] {0, (byte) 255, (byte) 128});

        float[] values = Normalization.toUnitRange(image);

        assertThat(values[0]).isEqualTo(-1f);
        assertThat(values[1]).isEqualTo(1f);
        assertThat(values[2]).isCloseTo(128 / 127.5f - 1, within(1e-6f));
    }

    @Test
    void roundTripsEveryLevelAndClampsOutOfRangeValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        GrayImage image = new GrayImage(16, 16, all);

        assertThat(Normalization.fromUnitRange(Normalization.toUnitRange(image), 16, 16)).isEqualTo(image);
        GrayImage clamped = Normalization.fromUnitRange(new float[] {-3f, 2f}, 2, 1);
        assertThat(clamped.level(0, 0)).isZero();
        assertThat(clamped.level(1, 0)).isEqualTo(255);
    }
}
