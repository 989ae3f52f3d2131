package org.xray.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xray.contracts.RejectionReason;

class DicomPixelReaderTest {

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
    }

    @Test
    void readsTwelveBitMonochromeOnePixelsFromImplicitLittleEndian() {
        DicomPixels pixels = DicomPixelReader.read(Fixtures.dicom("dx-implicit-le.dcm"));

        assertThat(pixels.invertedGrayscale()).isTrue();
        assertThat(pixels.bitsStored()).isEqualTo(12);
        assertThat(pixels.storedValues()[29 * 40 + 39]).isEqualTo((39 * 100 + 29 * 10) & 0x0FFF);
        assertThat(pixels.modalityValue(1)).isEqualTo(pixels.storedValues()[1] * pixels.rescaleSlope()
                + pixels.rescaleIntercept());
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
}
