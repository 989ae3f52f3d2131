package org.xray.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xray.contracts.RejectionReason;

class DicomPixelReaderTest {

    private static final int HIGH_BIT = 0x00280102;
    private static final int VOI_LUT_FUNCTION = 0x00281056;

    @Test
    void readsEightBitPixelsExactlyAsWritten() {
        DicomPixels pixels = DicomPixelReader.read(Fixtures.dicom("cr-explicit-le.dcm"));

        assertThat(pixels.width()).isEqualTo(64);
        assertThat(pixels.height()).isEqualTo(48);
        assertThat(pixels.invertedGrayscale()).isFalse();
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertThat(pixels.storedValues()[y * 64 + x]).isEqualTo((x * 4 + y) & 0xFF);
            }
        }
        assertThat(pixels.ignoredAttributes()).isEmpty();
    }

    @Test
    void readsTwelveBitMonochromeOnePixelsFromImplicitLittleEndian() {
        DicomPixels pixels = DicomPixelReader.read(Fixtures.dicom("dx-implicit-le.dcm"));

        assertThat(pixels.invertedGrayscale()).isTrue();
        assertThat(pixels.bitsStored()).isEqualTo(12);
        assertThat(pixels.storedValues()[29 * 40 + 39]).isEqualTo((39 * 100 + 29 * 10) & 0x0FFF);
        assertThat(pixels.modalityValueOf(pixels.storedValues()[1])).isEqualTo(pixels.storedValues()[1]
                * pixels.rescaleSlope() + pixels.rescaleIntercept());
    }

    @Test
    void honoursHighBitWhenTheStoredBitsSitAtTheTop() {
        // The 12 stored bits moved to bits 4..15 (High Bit 15): the same values must come out.
        byte[] original = Fixtures.dicom("dx-implicit-le.dcm");
        byte[] data = DicomEdits.pixelData(original).clone();
        for (int i = 0; i + 1 < data.length; i += 2) {
            int raw = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8;
            int moved = (raw & 0x0FFF) << 4;
            data[i] = (byte) moved;
            data[i + 1] = (byte) (moved >> 8);
        }
        byte[] shifted = DicomEdits.withValue(DicomEdits.withValue(original, Tag.PIXEL_DATA, "OW", data),
                HIGH_BIT, "US", uint16(15));

        int[] expected = DicomPixelReader.read(original).storedValues();
        assertThat(DicomPixelReader.read(shifted).storedValues()).containsExactly(expected);
    }

    @Test
    void refusesImpossibleBitLayoutsAsCorrupt() {
        byte[] original = Fixtures.dicom("dx-implicit-le.dcm");
        byte[] noBitsStored = DicomEdits.withValue(original, Tag.BITS_STORED, "US", uint16(0));
        byte[] highBitOutside = DicomEdits.withValue(original, HIGH_BIT, "US", uint16(16));
        byte[] highBitTooLow = DicomEdits.withValue(original, HIGH_BIT, "US", uint16(10));

        assertThatThrownBy(() -> DicomPixelReader.read(noBitsStored))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT))
                .hasMessageContaining("Bits Stored (0028,0101) = 0");
        for (byte[] bytes : new byte[][] {highBitOutside, highBitTooLow}) {
            assertThatThrownBy(() -> DicomPixelReader.read(bytes))
                    .isInstanceOfSatisfying(InvalidImageException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT))
                    .hasMessageContaining("High Bit (0028,0102)");
        }
    }

    @Test
    void ignoresNonFiniteOrZeroRescaleAndSaysSo() {
        byte[] original = Fixtures.dicom("cr-explicit-le.dcm");
        for (String slope : new String[] {"NaN", "Infinity", "-Infinity", "0", "1e999", "0x1p3"}) {
            byte[] bytes = DicomEdits.withValue(DicomEdits.withValue(original, Tag.RESCALE_SLOPE, "DS", ds(slope)),
                    Tag.RESCALE_INTERCEPT, "DS", ds("-10"));

            DicomPixels pixels = DicomPixelReader.read(bytes);

            assertThat(pixels.rescaleSlope()).as(slope).isEqualTo(1);
            assertThat(pixels.rescaleIntercept()).as(slope).isEqualTo(0);
            assertThat(pixels.ignoredAttributes()).as(slope).containsEntry("RescaleSlope", slope)
                    .containsEntry("RescaleIntercept", "-10");
        }
        byte[] nanIntercept = DicomEdits.withValue(DicomEdits.withValue(original, Tag.RESCALE_SLOPE, "DS", ds("2")),
                Tag.RESCALE_INTERCEPT, "DS", ds("NaN"));
        DicomPixels pixels = DicomPixelReader.read(nanIntercept);
        assertThat(pixels.rescaleSlope()).isEqualTo(1);
        assertThat(pixels.rescaleIntercept()).isEqualTo(0);
        assertThat(pixels.ignoredAttributes()).containsEntry("RescaleIntercept", "NaN");
    }

    @Test
    void keepsAUsableRescale() {
        byte[] original = Fixtures.dicom("cr-explicit-le.dcm");
        byte[] bytes = DicomEdits.withValue(DicomEdits.withValue(original, Tag.RESCALE_SLOPE, "DS", ds("-0.5")),
                Tag.RESCALE_INTERCEPT, "DS", ds("1.5E2"));

        DicomPixels pixels = DicomPixelReader.read(bytes);

        assertThat(pixels.rescaleSlope()).isEqualTo(-0.5);
        assertThat(pixels.rescaleIntercept()).isEqualTo(150);
        assertThat(pixels.modalityValueOf(100)).isEqualTo(100);
        assertThat(pixels.ignoredAttributes()).isEmpty();
    }

    @Test
    void ignoresAWindowThatIsNotFiniteOrTooNarrow() {
        byte[] original = Fixtures.dicom("cr-explicit-le.dcm");
        String[][] windows = {{"NaN", "100"}, {"50", "NaN"}, {"Infinity", "100"}, {"50", "Infinity"}, {"50", "0.5"}};
        for (String[] window : windows) {
            byte[] bytes = DicomEdits.withValue(DicomEdits.withValue(original, Tag.WINDOW_CENTER, "DS",
                    ds(window[0])), Tag.WINDOW_WIDTH, "DS", ds(window[1]));

            DicomPixels pixels = DicomPixelReader.read(bytes);

            assertThat(pixels.window()).as(String.join("/", window)).isEmpty();
            assertThat(pixels.ignoredAttributes()).containsEntry("WindowCenter", window[0])
                    .containsEntry("WindowWidth", window[1]);
        }
    }

    @Test
    void readsTheVoiLutFunction() {
        byte[] original = Fixtures.dicom("cr-explicit-le.dcm");
        byte[] windowed = DicomEdits.withValue(DicomEdits.withValue(original, Tag.WINDOW_CENTER, "DS", ds("100")),
                Tag.WINDOW_WIDTH, "DS", ds("0.5"));

        // LINEAR (the default) needs a width of at least 1; LINEAR_EXACT and SIGMOID only a positive one.
        assertThat(DicomPixelReader.read(windowed).window()).isEmpty();
        VoiWindow exact = DicomPixelReader.read(DicomEdits.withValue(windowed, VOI_LUT_FUNCTION, "CS",
                ascii("LINEAR_EXACT"))).window().orElseThrow();
        assertThat(exact).isEqualTo(new VoiWindow(100, 0.5, VoiWindow.LutFunction.LINEAR_EXACT));
        VoiWindow sigmoid = DicomPixelReader.read(DicomEdits.withValue(windowed, VOI_LUT_FUNCTION, "CS",
                ascii("SIGMOID"))).window().orElseThrow();
        assertThat(sigmoid.function()).isEqualTo(VoiWindow.LutFunction.SIGMOID);

        byte[] unknown = DicomEdits.withValue(DicomEdits.withValue(windowed, Tag.WINDOW_WIDTH, "DS", ds("20")),
                VOI_LUT_FUNCTION, "CS", ascii("GAMMA"));
        DicomPixels pixels = DicomPixelReader.read(unknown);
        assertThat(pixels.window()).contains(new VoiWindow(100, 20, VoiWindow.LutFunction.LINEAR));
        assertThat(pixels.ignoredAttributes()).containsEntry("VOILUTFunction", "GAMMA");
    }

    @Test
    void reducesRgbToLuma() {
        byte[] original = Fixtures.dicom("cr-explicit-le.dcm");
        int count = 64 * 48;
        byte[] rgb = new byte[3 * count];
        for (int i = 0; i < count; i++) {
            rgb[3 * i] = (byte) 200;
            rgb[3 * i + 1] = (byte) (i % 256);
            rgb[3 * i + 2] = (byte) 10;
        }
        byte[] bytes = DicomEdits.withValue(DicomEdits.withValue(DicomEdits.withValue(original, Tag.PIXEL_DATA, "OB",
                rgb), Tag.SAMPLES_PER_PIXEL, "US", uint16(3)), Tag.PHOTOMETRIC_INTERPRETATION, "CS", ascii("RGB"));

        DicomPixels pixels = DicomPixelReader.read(bytes);

        assertThat(pixels.photometricInterpretation()).isEqualTo("RGB");
        for (int i = 0; i < count; i += 37) {
            assertThat(pixels.storedValues()[i]).isEqualTo((int) Math.round(0.299 * 200 + 0.587 * (i % 256)
                    + 0.114 * 10));
        }
    }

    @Test
    void refusesColourInterpretationsItCannotReadCorrectly() {
        byte[] original = Fixtures.dicom("cr-explicit-le.dcm");
        for (String interpretation : new String[] {"YBR_FULL", "YBR_FULL_422", "PALETTE COLOR", "HSV"}) {
            byte[] bytes = DicomEdits.withValue(original, Tag.PHOTOMETRIC_INTERPRETATION, "CS", ascii(interpretation));

            assertThatThrownBy(() -> DicomPixelReader.read(bytes))
                    .isInstanceOfSatisfying(InvalidImageException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNRECOGNIZED_FORMAT))
                    .hasMessageContaining("photometric interpretation " + interpretation + " is not supported");
        }
        byte[] rgbWithOneSample = DicomEdits.withValue(original, Tag.PHOTOMETRIC_INTERPRETATION, "CS", ascii("RGB"));
        assertThatThrownBy(() -> DicomPixelReader.read(rgbWithOneSample))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT));
    }

    @Test
    void refusesWhatTheInspectorRefuses() {
        assertThatThrownBy(() -> DicomPixelReader.read(Fixtures.dicom("jpeg-baseline.dcm")))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_TRANSFER_SYNTAX));
        assertThatThrownBy(() -> DicomPixelReader.read(Fixtures.dicom("non-image.dcm")))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.NOT_AN_IMAGE));
    }

    @Test
    void windowRecordRefusesWhatIsNoWindow() {
        assertThatThrownBy(() -> new VoiWindow(Double.NaN, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiWindow(50, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiWindow(50, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiWindow(50, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new VoiWindow(50, 0.5, VoiWindow.LutFunction.SIGMOID).width()).isEqualTo(0.5);
    }

    private static byte[] uint16(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8)};
    }

    /** A text value padded to even length, as DICOM requires. */
    private static byte[] ascii(String value) {
        String even = value.length() % 2 == 0 ? value : value + " ";
        return even.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ds(String value) {
        return ascii(value);
    }
}
