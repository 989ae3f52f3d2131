package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.xray.formats.VoiWindow;

class VoiLutTest {

    @Test
    void linearKeepsTheHalfLevelOffsetsOfPs33() {
        DoubleUnaryOperator linear = VoiLut.of(new VoiWindow(1125, 250));

        assertThat(linear.applyAsDouble(1000)).isZero(); // c - 0.5 - (w - 1) / 2 = 1000: still black
        assertThat(linear.applyAsDouble(1125)).isCloseTo(128.0, within(0.02));
        assertThat(linear.applyAsDouble(1250)).isEqualTo(255); // above c - 0.5 + (w - 1) / 2 = 1249
    }

    @Test
    void linearExactRunsExactlyFromCentreMinusHalfWidthToCentrePlusHalfWidth() {
        DoubleUnaryOperator exact = VoiLut.of(new VoiWindow(100, 0.5, VoiWindow.LutFunction.LINEAR_EXACT));

        assertThat(exact.applyAsDouble(99.75)).isZero();
        assertThat(exact.applyAsDouble(100)).isEqualTo(127.5);
        assertThat(exact.applyAsDouble(100.125)).isEqualTo(191.25);
        assertThat(exact.applyAsDouble(100.25)).isEqualTo(255);
        assertThat(exact.applyAsDouble(101)).isEqualTo(255);
    }

    @Test
    void sigmoidFollowsPs33() {
        DoubleUnaryOperator sigmoid = VoiLut.of(new VoiWindow(1000, 400, VoiWindow.LutFunction.SIGMOID));

        // y = 255 / (1 + exp(-4 (x - c) / w))
        assertThat(sigmoid.applyAsDouble(1000)).isEqualTo(127.5);
        assertThat(sigmoid.applyAsDouble(1100)).isCloseTo(255 / (1 + Math.exp(-1)), within(1e-9));
        assertThat(sigmoid.applyAsDouble(0)).isLessThan(0.02);
        assertThat(sigmoid.applyAsDouble(3000)).isGreaterThan(254.99);
    }
}
