package org.xray.formats;

import org.xray.contracts.RejectionReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xray.contracts.ImageFormat;

class JpegInspectionTest {

    @Test
    void readsSizeFromFrameHeader() {
        InspectedImage image = ImageInspector.inspect(Fixtures.jpeg(40, 30));
        assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(30);
    }

    @Test
    void walksProgressiveJpegWithSeveralScans() {
        byte[] jpeg = Fixtures.progressiveJpeg(40, 30);
        assertThat(JpegWalker.walk(jpeg).segments().stream().filter(s -> s.marker() == JpegWalker.SOS).count())
                .isGreaterThan(1);
        assertThat(ImageInspector.inspect(jpeg).width()).isEqualTo(40);
    }

    @Test
    void acceptsTrailingZeroPadding() {
        byte[] padded = Arrays.copyOf(Fixtures.jpeg(8, 8), Fixtures.jpeg(8, 8).length + 6);
        assertThat(ImageInspector.inspect(padded).height()).isEqualTo(8);
    }

    @Test
    void rejectsTruncatedJpegMissingEoi() {
        byte[] jpeg = Fixtures.jpeg(40, 30);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length - 10);
        assertThatThrownBy(() -> ImageInspector.inspect(cut))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT))
                .hasMessageContaining("JPEG is truncated")
                .hasMessageContaining("without an EOI (FF D9)");
    }

    @Test
    void rejectsEveryTruncationOfAJpeg() {
        byte[] jpeg = Fixtures.jpeg(16, 8);
        for (int length = 3; length < jpeg.length; length++) {
            byte[] cut = Arrays.copyOf(jpeg, length);
            assertThatThrownBy(() -> ImageInspector.inspect(cut))
                    .isInstanceOfSatisfying(InvalidImageException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT));
        }
    }

    @Test
    void rejectsSegmentLongerThanTheFile() {
        byte[] jpeg = Fixtures.jpeg(16, 8);
        byte[] cut = Arrays.copyOf(jpeg, 30); // inside the first header segments
        assertThatThrownBy(() -> ImageInspector.inspect(cut))
                .hasMessageMatching("JPEG is truncated: segment \\w+ \\(FF [0-9A-F]{2}\\) at offset \\d+ declares \\d+ bytes but only \\d+ remain");
    }

    @Test
    void rejectsGarbageAfterEoi() {
        byte[] jpeg = Fixtures.concat(Fixtures.jpeg(8, 8), Fixtures.ascii("PAT-12345"));
        assertThatThrownBy(() -> ImageInspector.inspect(jpeg)).hasMessageContaining("unexpected bytes follow the EOI");
    }

    @Test
    void refusesTwelveBitJpegAsUnsupportedNotCorrupt() {
        byte[] jpeg = Fixtures.jpeg(40, 30);
        int sof = frameHeaderOffset(jpeg);
        byte[] twelveBit = jpeg.clone();
        twelveBit[sof + 1] = (byte) 0xC1; // extended sequential, as 12-bit files are
        twelveBit[sof + 4] = 12;

        assertThatThrownBy(() -> ImageInspector.inspect(twelveBit))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNRECOGNIZED_FORMAT))
                .hasMessageContaining("12-bit")
                .hasMessageContaining("is not supported")
                .hasMessageContaining("16-bit PNG or as DICOM");
        assertThat(JpegWalker.walk(jpeg).precision()).isEqualTo(8);
    }

    @Test
    void refusesLosslessJpegAsUnsupported() {
        byte[] jpeg = Fixtures.jpeg(40, 30);
        byte[] lossless = jpeg.clone();
        lossless[frameHeaderOffset(jpeg) + 1] = (byte) 0xC3;

        assertThatThrownBy(() -> ImageInspector.inspect(lossless))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNRECOGNIZED_FORMAT))
                .hasMessageContaining("Lossless or hierarchical JPEG");
    }

    private static int frameHeaderOffset(byte[] jpeg) {
        return JpegWalker.walk(jpeg).segments().stream()
                .filter(s -> s.marker() >= 0xC0 && s.marker() <= 0xC2)
                .findFirst().orElseThrow().range().start();
    }
}
