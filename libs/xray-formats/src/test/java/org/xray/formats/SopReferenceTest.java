package org.xray.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SopReferenceTest {

    private static final String ROOT = "1.2.826.0.1.3680043.10.1234";

    @Test
    void namesTheInstanceOfADicomFileThatIsRefused() {
        assertThat(ImageInspector.sopReference(Fixtures.dicom("jpeg-baseline.dcm")))
                .contains(new SopReference("1.2.840.10008.5.1.4.1.1.1", ROOT + ".3.3"));
        assertThat(ImageInspector.sopReference(Fixtures.dicom("truncated.dcm")))
                .contains(new SopReference("1.2.840.10008.5.1.4.1.1.1", ROOT + ".1.3"));
    }

    @Test
    void isEmptyWhenTheBytesAreNotReadableDicom() {
        byte[] cr = Fixtures.dicom("cr-explicit-le.dcm");
        assertThat(ImageInspector.sopReference(Arrays.copyOf(cr, 140))).isEmpty();
        assertThat(ImageInspector.sopReference(Fixtures.png(8, 8))).isEmpty();
        assertThat(ImageInspector.sopReference(new byte[0])).isEmpty();
    }
}
