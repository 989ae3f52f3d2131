package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.formats.DicomPixelReader;
import org.xray.formats.DicomPixels;
import org.xray.formats.InvalidImageException;

class RadiographDecoderTest {

    @Test
    void decodesEightBitPngUnchanged() {
        GrayImage original = TestImages.radiograph(60, 80, 3);

        DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(TestImages.png(original));

        assertThat(decoded.image()).isEqualTo(original);
        assertThat(decoded.sourceFormat()).isEqualTo(ImageFormat.PNG);
        assertThat(decoded.steps()).extracting(PreprocessingStep::name).containsExactly("decode");
        assertThat(decoded.steps().get(0).parameters()).containsEntry("bitDepth", "8");
    }

    @Test
    void decodesJpegCloseToTheOriginal() {
        GrayImage original = TestImages.radiograph(64, 64, 4);

        GrayImage decoded = RadiographDecoder.decode(TestImages.jpeg(original));

        assertThat(decoded.width()).isEqualTo(64);
        assertThat(decoded.height()).isEqualTo(64);
        assertThat(Math.abs(TestImages.mean(decoded) - TestImages.mean(original))).isLessThan(2);
    }

    @Test
    void stretchesSixteenBitPngByPercentilesNotTruncation() {
        // A ramp over 30000..30500 with a few dead and hot pixels: >>8 would give 2 levels, min-max about 2 too.
        int width = 128;
        int[] levels = new int[width * width];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = i % 997 == 0 ? 0 : i % 991 == 0 ? 65535 : 30000 + (i % width + i / width) * 500 / 254;
        }

        DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(TestImages.png16(width, width, levels));

        assertThat(TestImages.distinctLevels(decoded.image())).isGreaterThan(150);
        assertThat(TestImages.stdDev(decoded.image())).isGreaterThan(40);
        assertThat(decoded.steps()).extracting(PreprocessingStep::name)
                .containsExactly("decode", "percentile-stretch");
        assertThat(decoded.steps().get(0).parameters()).containsEntry("bitDepth", "16");
        assertThat(decoded.steps().get(1).parameters()).containsEntry("lowPercentile", "0.5")
                .containsEntry("highPercentile", "99.5");
    }

    @Test
    void monochromeOneComesOutWithBoneBright() {
        DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(TestImages.fixture("dx-monochrome1-bone.dcm"));
        GrayImage image = decoded.image();

        // The bar (columns 24-39, rows 8-55) has the LOW stored values.
        double bone = TestImages.meanOf(image, 26, 10, 38, 54);
        double background = TestImages.meanOf(image, 2, 10, 20, 54);
        assertThat(bone).isGreaterThan(200);
        assertThat(background).isLessThan(60);
        assertThat(decoded.steps()).extracting(PreprocessingStep::name)
                .containsExactly("decode", "percentile-stretch", "invert-monochrome1");
        assertThat(decoded.steps().get(0).parameters()).containsEntry("photometricInterpretation", "MONOCHROME1");
    }

    @Test
    void sixteenBitDicomKeepsItsContrast() {
        byte[] bytes = TestImages.fixture("cr-16bit-window.dcm");

        GrayImage image = RadiographDecoder.decode(bytes);

        assertThat(TestImages.stdDev(image)).isGreaterThan(40);
        assertThat(TestImages.distinctLevels(image)).isGreaterThan(150);
        // What dropping the low byte would have given: two levels and no contrast to speak of.
        DicomPixels pixels = DicomPixelReader.read(bytes);
        byte[] truncated = new byte[pixels.storedValues().length];
        for (int i = 0; i < truncated.length; i++) {
            truncated[i] = (byte) (pixels.storedValues()[i] >> 8);
        }
        GrayImage naive = new GrayImage(pixels.width(), pixels.height(), truncated);
        assertThat(TestImages.distinctLevels(naive)).isLessThanOrEqualTo(2);
        assertThat(TestImages.stdDev(naive)).isLessThan(1);
    }

    @Test
    void appliesRescaleThenTheLinearVoiWindow() {
        DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(TestImages.fixture("cr-16bit-window.dcm"));

        // Stored 1800 -> modality 1000, the window's lower edge: black. Stored 2300 -> 1250, above it: white.
        GrayImage image = decoded.image();
        assertThat(image.level(0, 0)).isZero();
        assertThat(image.level(127, 127)).isEqualTo(255);
        // Stored 2050 (x + y = 127) -> modality 1125, the centre: ((1125 - 1124.5) / 249 + 0.5) * 255 = 128.0.
        assertThat(image.level(127, 0)).isEqualTo(128);
        assertThat(decoded.steps()).extracting(PreprocessingStep::name)
                .containsExactly("decode", "modality-rescale", "voi-window");
        assertThat(decoded.steps().get(1).parameters()).containsEntry("slope", "0.5").containsEntry("intercept", "100");
        assertThat(decoded.steps().get(2).parameters()).containsEntry("center", "1125").containsEntry("width", "250");
    }

    @Test
    void percentileStretchIgnoresDeadAndHotPixels() {
        byte[] bytes = TestImages.fixture("dx-16bit-outliers.dcm");

        GrayImage image = RadiographDecoder.decode(bytes);

        assertThat(TestImages.distinctLevels(image)).isGreaterThan(150);
        assertThat(TestImages.stdDev(image)).isGreaterThan(40);
        // A min-max stretch over 0..65535 would squeeze the 12000..12600 ramp into a handful of levels.
        int[] stored = DicomPixelReader.read(bytes).storedValues();
        long minMaxLevels = Arrays.stream(stored).filter(v -> v != 0 && v != 65535)
                .map(v -> (int) Math.round(v * 255.0 / 65535)).distinct().count();
        assertThat(minMaxLevels).isLessThanOrEqualTo(4);
    }

    @Test
    void refusesCorruptPngWithReason() {
        byte[] png = TestImages.png(TestImages.radiograph(40, 40, 5));
        byte[] damaged = garbleIdatKeepingCrc(png);

        assertThatThrownBy(() -> RadiographDecoder.decode(damaged))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT))
                .hasMessageContaining("does not decode");
    }

    @Test
    void passesOnTheInspectorsReasons() {
        assertThatThrownBy(() -> RadiographDecoder.decode(new byte[0]))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.EMPTY));
        assertThatThrownBy(() -> RadiographDecoder.decode("hello".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNRECOGNIZED_FORMAT));
        assertThatThrownBy(() -> RadiographDecoder.decode(TestImages.fixture("jpeg-baseline.dcm")))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_TRANSFER_SYNTAX));
    }

    @Test
    void refusesTwelveBitJpegAsUnsupportedWithAnHonestMessage() {
        byte[] jpeg = TestImages.jpeg(TestImages.radiograph(40, 40, 6));
        byte[] twelveBit = jpeg.clone();
        int sof = indexOf(jpeg, (byte) 0xFF, (byte) 0xC0);
        twelveBit[sof + 1] = (byte) 0xC1;
        twelveBit[sof + 4] = 12; // sample precision

        assertThatThrownBy(() -> RadiographDecoder.decode(twelveBit))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNRECOGNIZED_FORMAT))
                .hasMessageContaining("12-bit samples")
                .hasMessageContaining("send the image as a 16-bit PNG or as DICOM");
    }

    @Test
    void aConstantSixteenBitImageBecomesMidGreyNotBlack() {
        int[] levels = new int[64 * 48];
        Arrays.fill(levels, 30000);

        DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(TestImages.png16(64, 48, levels));

        assertThat(TestImages.distinctLevels(decoded.image())).isEqualTo(1);
        assertThat(decoded.image().level(0, 0)).isEqualTo(128);
        assertThat(decoded.steps().get(1).parameters()).containsEntry("flat", "true")
                .containsEntry("low", "30000").containsEntry("high", "30000");
    }

    @Test
    void aNearlyFlatSixteenBitImageIsStretchedMinToMaxNotMadeBinary() {
        // 99.6% of the pixels at 1000, a ramp 1001..1040 on the rest: the 0.5th and 99.5th percentiles coincide.
        int[] levels = new int[100 * 100];
        Arrays.fill(levels, 1000);
        for (int i = 0; i < 40; i++) {
            levels[i * 97] = 1001 + i;
        }

        DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(TestImages.png16(100, 100, levels));

        assertThat(TestImages.distinctLevels(decoded.image())).isGreaterThan(30);
        assertThat(decoded.image().level(1, 0)).isZero();
        assertThat(decoded.image().level(39 * 97 % 100, 39 * 97 / 100)).isEqualTo(255);
        assertThat(decoded.steps().get(1).parameters()).containsEntry("fallback", "min-max")
                .containsEntry("low", "1000").containsEntry("high", "1040");
    }

    @Test
    void ignoresAnUnusableRescaleSlopeInsteadOfMakingTheImageBlack() {
        // cr-16bit-window.dcm with its Rescale Slope "0.5 " replaced: NaN parses in Java, 0 flattens everything.
        for (String slope : new String[] {"NaN ", "0   "}) {
            byte[] bytes = withDsValue(TestImages.fixture("cr-16bit-window.dcm"), 0x0028, 0x1053, slope);

            DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(bytes);

            assertThat(TestImages.stdDev(decoded.image())).as(slope).isGreaterThan(40);
            assertThat(decoded.steps()).extracting(PreprocessingStep::name)
                    .containsExactly("decode", "ignored-attributes", "percentile-stretch");
            // The window is in modality units: without the rescale it is left out too.
            assertThat(decoded.steps().get(1).parameters()).containsEntry("RescaleSlope", slope.trim())
                    .containsEntry("RescaleIntercept", "100").containsEntry("WindowCenter", "1125")
                    .containsEntry("WindowWidth", "250");
        }
    }

    @Test
    void ignoresANonFiniteWindowAndStretchesByPercentiles() {
        byte[] bytes = withDsValue(TestImages.fixture("cr-16bit-window.dcm"), 0x0028, 0x1051, "NaN ");

        DecodedRadiograph decoded = RadiographDecoder.decodeWithRecord(bytes);

        assertThat(TestImages.distinctLevels(decoded.image())).isGreaterThan(150);
        assertThat(decoded.steps()).extracting(PreprocessingStep::name)
                .containsExactly("decode", "ignored-attributes", "modality-rescale", "percentile-stretch");
        assertThat(decoded.steps().get(1).parameters()).containsEntry("WindowWidth", "NaN");
    }

    @Test
    void refusesImagesOverFortyMegapixelsBeforeDecoding() {
        byte[] png = TestImages.png(TestImages.radiograph(40, 40, 7));

        assertThatThrownBy(() -> RadiographDecoder.decode(withPngSize(png, 6400, 6400)))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.OVERSIZE))
                .hasMessageContaining("6400x6400");
        assertThat(RadiographDecoder.MAX_PIXELS).isEqualTo(40_000_000L);
    }

    /** Overwrites the value of an Explicit VR Little Endian DS element with text of the same length. */
    private static byte[] withDsValue(byte[] dicom, int group, int element, String value) {
        byte[] tag = {(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8), 'D', 'S'};
        int at = indexOf(dicom, tag);
        int length = (dicom[at + 6] & 0xFF) | (dicom[at + 7] & 0xFF) << 8;
        if (length != value.length()) {
            throw new IllegalArgumentException("the element holds " + length + " bytes, not " + value.length());
        }
        byte[] edited = dicom.clone();
        System.arraycopy(value.getBytes(StandardCharsets.US_ASCII), 0, edited, at + 8, length);
        return edited;
    }

    /** The PNG with its IHDR size replaced (and the chunk's CRC fixed): it then declares more than it holds. */
    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] edited = png.clone();
        int ihdr = 8; // the first chunk: length (4), "IHDR", width (4), height (4), ...
        for (int i = 0; i < 4; i++) {
            edited[ihdr + 8 + i] = (byte) (width >>> (24 - 8 * i));
            edited[ihdr + 12 + i] = (byte) (height >>> (24 - 8 * i));
        }
        CRC32 crc = new CRC32();
        crc.update(edited, ihdr + 4, 4 + 13);
        long value = crc.getValue();
        for (int i = 0; i < 4; i++) {
            edited[ihdr + 8 + 13 + i] = (byte) (value >>> (24 - 8 * i));
        }
        return edited;
    }

    private static int indexOf(byte[] bytes, byte... pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("pattern not found");
    }

    /** Overwrites the IDAT payload with noise and fixes its CRC, so only inflating the data can find the damage. */
    private static byte[] garbleIdatKeepingCrc(byte[] png) {
        byte[] damaged = png.clone();
        int pos = 8;
        while (pos < damaged.length) {
            int length = ((damaged[pos] & 0xFF) << 24) | ((damaged[pos + 1] & 0xFF) << 16)
                    | ((damaged[pos + 2] & 0xFF) << 8) | (damaged[pos + 3] & 0xFF);
            String type = new String(damaged, pos + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                for (int i = 0; i < length; i++) {
                    damaged[pos + 8 + i] = (byte) (i * 37 + 11);
                }
                CRC32 crc = new CRC32();
                crc.update(damaged, pos + 4, 4 + length);
                long value = crc.getValue();
                int at = pos + 8 + length;
                damaged[at] = (byte) (value >>> 24);
                damaged[at + 1] = (byte) (value >>> 16);
                damaged[at + 2] = (byte) (value >>> 8);
                damaged[at + 3] = (byte) value;
                return damaged;
            }
            pos += 12 + length;
        }
        throw new IllegalStateException("no IDAT chunk");
    }
}
