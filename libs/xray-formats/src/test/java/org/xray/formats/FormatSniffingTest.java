package org.xray.formats;

import org.xray.contracts.RejectionReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xray.contracts.ImageFormat;

class FormatSniffingTest {

    @Test
    void rejectsEmptyUpload() {
        assertThatThrownBy(() -> ImageInspector.inspect(new byte[0]))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.EMPTY))
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsRandomBytesAsUnrecognizedAndShowsWhatWasFound() {
        byte[] random = new byte[512];
        new Random(42).nextBytes(random);
        random[0] = 0x13;
        assertThatThrownBy(() -> ImageInspector.inspect(random))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNRECOGNIZED_FORMAT))
                .hasMessageContaining("starts with 13 ")
                .hasMessageContaining("PNG, JPEG or DICOM Part 10");
    }

    @Test
    void namesCommonWrongFormatsInTheMessage() {
        assertThatThrownBy(() -> ImageInspector.inspect(Fixtures.ascii("GIF89a.......")))
                .hasMessageContaining("looks like GIF");
        byte[] dicom = Fixtures.dicom("cr-explicit-le.dcm");
        byte[] withoutPreamble = java.util.Arrays.copyOfRange(dicom, 132, dicom.length);
        assertThatThrownBy(() -> ImageInspector.inspect(withoutPreamble))
                .hasMessageContaining("DICOM dataset without the Part 10 preamble");
    }

    @Test
    void trustsBytesNotNames() {
        assertThat(ImageInspector.inspect(Fixtures.png(3, 2)).format()).isEqualTo(ImageFormat.PNG);
        assertThat(ImageInspector.inspect(Fixtures.jpeg(3, 2)).format()).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageInspector.inspect(Fixtures.dicom("cr-explicit-le.dcm")).format()).isEqualTo(ImageFormat.DICOM);
    }

    @Test
    void rejectionCodesAreLowerKebab() {
        assertThat(RejectionReason.UNSUPPORTED_TRANSFER_SYNTAX.code()).isEqualTo("unsupported-transfer-syntax");
        assertThat(RejectionReason.NOT_AN_IMAGE.code()).isEqualTo("not-an-image");
        assertThat(RejectionReason.EMPTY.code()).isEqualTo("empty");
        assertThat(RejectionReason.UNRECOGNIZED_FORMAT.code()).isEqualTo("unrecognized-format");
        assertThat(RejectionReason.CORRUPT.code()).isEqualTo("corrupt");
    }
}
