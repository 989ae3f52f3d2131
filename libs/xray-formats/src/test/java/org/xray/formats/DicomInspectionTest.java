package org.xray.formats;

import org.xray.contracts.RejectionReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xray.contracts.ImageFormat;

class DicomInspectionTest {
    private static final String ROOT = "1.2.826.0.1.3680043.10.1234";

    @Test
    void inspectsExplicitLittleEndianCr() {
        InspectedImage image = ImageInspector.inspect(Fixtures.dicom("cr-explicit-le.dcm"));
        assertThat(image.format()).isEqualTo(ImageFormat.DICOM);
        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(48);
        assertThat(image.dicom()).contains(new DicomAttributes(
                TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN,
                "1.2.840.10008.5.1.4.1.1.1",
                ROOT + ".1.3",
                ROOT + ".1.1",
                Optional.of("CR"),
                Optional.of("HAND"),
                Optional.of("PAT-12345"),
                Optional.of("MONOCHROME2"),
                8));
    }

    @Test
    void inspectsImplicitLittleEndianDxWithNestedSequenceAndPrivateTags() {
        InspectedImage image = ImageInspector.inspect(Fixtures.dicom("dx-implicit-le.dcm"));
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(30);
        assertThat(image.dicom()).contains(new DicomAttributes(
                TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN,
                "1.2.840.10008.5.1.4.1.1.1.1",
                ROOT + ".2.3",
                ROOT + ".2.1",
                Optional.of("DX"),
                Optional.of("WRIST"),
                Optional.of("PAT-67890"),
                Optional.of("MONOCHROME1"),
                16));
    }

    @Test
    void inspectsMrImageWhateverTheModality() {
        InspectedImage image = ImageInspector.inspect(Fixtures.dicom("mr-explicit-le.dcm"));
        DicomAttributes dicom = image.dicom().orElseThrow();
        assertThat(dicom.modality()).contains("MR");
        assertThat(dicom.bodyPartExamined()).contains("KNEE");
        assertThat(dicom.sopInstanceUid()).isEqualTo(ROOT + ".5.3");
        assertThat(dicom.studyInstanceUid()).isEqualTo(ROOT + ".5.1");
        assertThat(image.width()).isEqualTo(32);
        assertThat(image.height()).isEqualTo(32);
    }

    @Test
    void neverPrintsThePatientIdInToString() {
        InspectedImage image = ImageInspector.inspect(Fixtures.dicom("cr-explicit-le.dcm"));
        assertThat(image.toString()).doesNotContain("PAT-12345").contains("patientId=<redacted>");
    }

    @Test
    void sniffsDicomEvenWhenThePreambleHoldsAnotherFormatsHeader() {
        byte[] dicom = Fixtures.dicom("cr-explicit-le.dcm");
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 0, dicom, 0, 4);
        assertThat(ImageInspector.inspect(dicom).format()).isEqualTo(ImageFormat.DICOM);
    }

    @Test
    void rejectsDicomWithUnsupportedTransferSyntax() {
        assertThatThrownBy(() -> ImageInspector.inspect(Fixtures.dicom("jpeg-baseline.dcm")))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_TRANSFER_SYNTAX))
                .hasMessage("DICOM transfer syntax 1.2.840.10008.1.2.4.50 (JPEG Baseline (Process 1)) is not supported;"
                        + " send Explicit VR Little Endian (1.2.840.10008.1.2.1) or Implicit VR Little Endian"
                        + " (1.2.840.10008.1.2)");
    }

    @Test
    void rejectsDicomWithoutPixelDataAsNotAnImage() {
        assertThatThrownBy(() -> ImageInspector.inspect(Fixtures.dicom("non-image.dcm")))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.NOT_AN_IMAGE))
                .hasMessage("DICOM object has no Pixel Data (7FE0,0010): SOP Class 1.2.840.10008.5.1.4.1.1.88.11"
                        + " is not an image");
    }

    @Test
    void rejectsTruncatedDicomNamingOffsetAndTag() {
        assertThatThrownBy(() -> ImageInspector.inspect(Fixtures.dicom("truncated.dcm")))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT))
                .hasMessageMatching("DICOM is truncated: element \\(7FE0,0010\\) at offset \\d+ declares 3072 bytes"
                        + " but only \\d+ remain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cr-explicit-le.dcm", "dx-implicit-le.dcm", "mr-explicit-le.dcm"})
    void rejectsEveryTruncationOfADicomFile(String fixture) {
        byte[] dicom = Fixtures.dicom(fixture);
        // Every cut through the headers; inside the bulk pixel data a sample is enough.
        for (int length = 1; length < dicom.length; length += length < 1024 ? 1 : 97) {
            byte[] cut = Arrays.copyOf(dicom, length);
            InvalidImageException e = catchThrowableOfType(() -> ImageInspector.inspect(cut), InvalidImageException.class);
            assertThat(e).as("prefix of %d bytes", length).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Tag.SOP_INSTANCE_UID, Tag.STUDY_INSTANCE_UID})
    void rejectsImageWithoutRequiredUidNamingTheTag(int tag) {
        byte[] dicom = DicomEdits.without(Fixtures.dicom("cr-explicit-le.dcm"), tag);
        assertThatThrownBy(() -> ImageInspector.inspect(dicom))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT))
                .hasMessageContaining(Tag.format(tag));
    }

    @Test
    void rejectsPixelDataShorterThanTheImageSize() {
        byte[] dicom = DicomEdits.withValue(Fixtures.dicom("dx-implicit-le.dcm"), Tag.PIXEL_DATA, "OW", new byte[100]);
        assertThatThrownBy(() -> ImageInspector.inspect(dicom))
                .isInstanceOfSatisfying(InvalidImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT))
                .hasMessageContaining("holds 100 bytes")
                .hasMessageContaining("need 2400");
    }

    @Test
    void rejectsImageWithoutRows() {
        byte[] dicom = DicomEdits.without(Fixtures.dicom("cr-explicit-le.dcm"), Tag.ROWS);
        assertThatThrownBy(() -> ImageInspector.inspect(dicom)).hasMessageContaining("Rows (0028,0010)");
    }

    @Test
    void namesTheUnknownTransferSyntaxUid() {
        byte[] dicom = Fixtures.dicom("cr-explicit-le.dcm");
        String text = Fixtures.latin1(dicom).replace("1.2.840.10008.1.2.1\0", "1.2.840.10008.1.2.2\0");
        assertThatThrownBy(() -> ImageInspector.inspect(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .hasMessageStartingWith("DICOM transfer syntax 1.2.840.10008.1.2.2 (Explicit VR Big Endian) is not supported");
    }

    @Test
    void survivesRandomCorruptionWithOnlyInvalidImageExceptions() {
        Random random = new Random(7);
        for (String fixture : new String[] {"cr-explicit-le.dcm", "dx-implicit-le.dcm"}) {
            byte[] original = Fixtures.dicom(fixture);
            for (int round = 0; round < 500; round++) {
                byte[] mutated = original.clone();
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    mutated[132 + random.nextInt(800)] = (byte) random.nextInt(256);
                }
                try {
                    InspectedImage image = ImageInspector.inspect(mutated);
                    // Whatever is accepted must also de-identify into something that inspects cleanly.
                    ImageInspector.inspect(Deidentifier.deidentify(mutated, image, "PSEUDO"));
                } catch (InvalidImageException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
    }
}
