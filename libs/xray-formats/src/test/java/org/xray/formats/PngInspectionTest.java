package org.xray.formats;

import org.xray.contracts.RejectionReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xray.contracts.ImageFormat;

class PngInspectionTest {

    @Test
    void readsSizeFromIhdr() {
        InspectedImage image = ImageInspector.inspect(Fixtures.png(64, 48));
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(48);
        assertThat(image.dicom()).isEmpty();
    }

    @Test
    void rejectsTruncatedPngNamingTheChunk() {
        byte[] png = Fixtures.png(64, 48);
        byte[] cut = Arrays.copyOf(png, png.length - 30);
        assertThatThrownBy(() -> ImageInspector.inspect(cut))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT))
                .hasMessageMatching("PNG is truncated: chunk IDAT at offset \\d+ declares \\d+ bytes but only \\d+ remain");
    }

    @Test
    void rejectsEveryTruncationOfAPng() {
        byte[] png = Fixtures.png(16, 8);
        for (int length = 8; length < png.length; length++) {
            byte[] cut = Arrays.copyOf(png, length);
            assertThatThrownBy(() -> ImageInspector.inspect(cut))
                    .isInstanceOfSatisfying(InvalidImageException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT));
        }
    }

    @Test
    void rejectsPngWithBadCrc() {
        byte[] png = Fixtures.png(8, 8);
        png[8 + 8 + 3] ^= 0x01; // a byte inside IHDR's width
        assertThatThrownBy(() -> ImageInspector.inspect(png))
                .hasMessageContaining("chunk IHDR at offset 8 fails its CRC-32 check");
    }

    @Test
    void rejectsPngWithoutImageData() {
        byte[] png = Fixtures.concat(Arrays.copyOf(Fixtures.png(4, 4), 8 + 25), Fixtures.pngChunk("IEND", new byte[0]));
        assertThatThrownBy(() -> ImageInspector.inspect(png)).hasMessageContaining("no IDAT chunk");
    }

    @Test
    void rejectsDataAfterIend() {
        byte[] png = Fixtures.concat(Fixtures.png(4, 4), Fixtures.ascii("DOE^JANE"));
        assertThatThrownBy(() -> ImageInspector.inspect(png)).hasMessageContaining("8 unexpected bytes follow the IEND");
    }
}
