package org.xray.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeidentifierTest {
    private static final String PSEUDONYM = "PSN-7F3A9C";

    private static byte[] deidentify(byte[] bytes) {
        return Deidentifier.deidentify(bytes, ImageInspector.inspect(bytes), PSEUDONYM);
    }

    @Test
    void stripsTextAndUnknownChunksFromPngAndKeepsTheRestByteIdentical() {
        byte[] original = Fixtures.png(16, 8);
        byte[] withText = Fixtures.pngWithChunksAfterHeader(original,
                Fixtures.pngChunk("tEXt", Fixtures.ascii("Author\0DOE^JANE")),
                Fixtures.pngChunk("iTXt", Fixtures.ascii("Comment\0\0\0\0\0PAT-12345")),
                Fixtures.pngChunk("tIME", new byte[] {0x07, (byte) 0xE8, 1, 15, 10, 0, 0}),
                Fixtures.pngChunk("vpRv", Fixtures.ascii("ROE^RICHARD")));
        assertThat(ImageInspector.inspect(withText).width()).isEqualTo(16);

        byte[] published = deidentify(withText);

        assertThat(Fixtures.latin1(published)).doesNotContain("DOE^JANE", "PAT-12345", "ROE^RICHARD");
        assertThat(published).isEqualTo(original);
    }

    @Test
    void stripsCommentAndExifSegmentsFromJpegButKeepsJfifAndAdobe() {
        byte[] original = Fixtures.jpeg(16, 8);
        byte[] withMetadata = Fixtures.jpegWithSegmentsAfterSoi(original,
                Fixtures.jpegSegment(0xE1, Fixtures.ascii("Exif\0\0Artist DOE^JANE")),
                Fixtures.jpegSegment(0xED, Fixtures.ascii("Photoshop 3.0\0PAT-12345")),
                Fixtures.jpegSegment(0xEE, Fixtures.ascii("Adobe\0\0\0\0\0\0\0")),
                Fixtures.jpegSegment(JpegWalker.COM, Fixtures.ascii("patient DOE^JANE")));

        byte[] published = deidentify(withMetadata);

        assertThat(Fixtures.latin1(published)).doesNotContain("DOE^JANE").doesNotContain("PAT-12345").contains("Adobe");
        assertThat(published).isEqualTo(Fixtures.jpegWithSegmentsAfterSoi(original,
                Fixtures.jpegSegment(0xEE, Fixtures.ascii("Adobe\0\0\0\0\0\0\0"))));
        assertThat(ImageInspector.inspect(published).width()).isEqualTo(16);
    }

    @Test
    void replacesPatientNameAndIdWithPseudonymInDicom() {
        byte[] original = Fixtures.dicom("cr-explicit-le.dcm");

        byte[] published = deidentify(original);

        assertThat(Fixtures.latin1(published))
                .doesNotContain("DOE^JANE", "PAT-12345", "19800214", "WELBY^MARCUS", "OPERATOR^OLIVIA")
                .contains(PSEUDONYM);
        DicomDataset dataset = DicomReader.read(published).dataset();
        assertThat(dataset.string(Tag.PATIENT_NAME)).contains(PSEUDONYM);
        assertThat(dataset.string(Tag.PATIENT_ID)).contains(PSEUDONYM);
        assertThat(dataset.string(Tag.PATIENT_IDENTITY_REMOVED)).contains("YES");
        assertThat(dataset.string(Tag.DEIDENTIFICATION_METHOD)).contains(DicomDeidentifier.METHOD);
        assertThat(dataset.find(Tag.PATIENT_BIRTH_DATE)).isEmpty();
    }

    @Test
    void stripsPatientIdentifiersFromNestedSequencesAndPrivateTags() {
        byte[] original = Fixtures.dicom("dx-implicit-le.dcm");
        assertThat(Fixtures.latin1(original)).contains("PAT-OTHER-1", "ACME PRIVATE");

        byte[] published = deidentify(original);

        assertThat(Fixtures.latin1(published)).doesNotContain("ROE^RICHARD", "PAT-67890", "PAT-OTHER-1",
                "HOSPITAL-A", "HOSPITAL-B", "555-0100", "SURGEON^SAM", "INFIRMARY", "ACME PRIVATE", "19700501");
        DicomDataset dataset = DicomReader.read(published).dataset();
        assertThat(dataset.elements()).noneMatch(e -> Tag.isPrivate(e.tag()));
        assertThat(dataset.find(Tag.OTHER_PATIENT_IDS_SEQUENCE)).isEmpty();
    }

    @Test
    void dropsSequencesOutsideTheAllowListWithTheIdsInside() {
        DicomDataset item = new DicomDataset(List.of(
                DicomElement.ofValue(Tag.PATIENT_ID, "LO", Fixtures.ascii("PAT-NESTED"), -1)));
        DicomFile file = DicomReader.read(Fixtures.dicom("cr-explicit-le.dcm"));
        List<DicomElement> elements = new java.util.ArrayList<>(file.dataset().elements());
        elements.add(DicomElement.ofSequence(0x00081115, List.of(item), -1)); // ReferencedSeriesSequence
        elements.add(DicomElement.ofSequence(0x00091100, List.of(item), -1)); // private sequence
        byte[] withNested = DicomWriter.write(new DicomFile(file.meta(), file.transferSyntaxUid(), new DicomDataset(elements)));
        assertThat(Fixtures.latin1(withNested)).contains("PAT-NESTED");

        byte[] published = deidentify(withNested);

        assertThat(Fixtures.latin1(published)).doesNotContain("PAT-NESTED");
        assertThat(DicomReader.read(published).dataset().find(0x00081115)).isEmpty();
    }

    @Test
    void findsDefinedLengthSequencesInImplicitVrWithoutADictionary() {
        // Implicit VR gives no VR: (0008,1115) is not in our tiny dictionary, so only its item tag reveals it.
        byte[] value = Fixtures.ascii("PAT-NESTED");
        java.nio.ByteBuffer element = java.nio.ByteBuffer.allocate(8 + 8 + 8 + value.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x0008).putShort((short) 0x1115).putInt(8 + 8 + value.length)
                .putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(8 + value.length)
                .putShort((short) 0x0010).putShort((short) 0x0020).putInt(value.length).put(value);
        byte[] withNested = Fixtures.concat(Fixtures.dicom("dx-implicit-le.dcm"), element.array());
        assertThat(DicomReader.read(withNested).dataset().find(0x00081115).orElseThrow().isSequence()).isTrue();

        byte[] published = deidentify(withNested);

        assertThat(Fixtures.latin1(published)).doesNotContain("PAT-NESTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cr-explicit-le.dcm", "dx-implicit-le.dcm"})
    void keepsOnlyAllowListedAttributes(String fixture) {
        byte[] withExtras = DicomEdits.withValue(DicomEdits.withValue(DicomEdits.withValue(Fixtures.dicom(fixture),
                0x00080050, "SH", Fixtures.ascii("ACC-998877")),            // Accession Number
                0x00080080, "LO", Fixtures.ascii("ST MUNGO HOSPITAL ")),    // Institution Name
                0x00204000, "LT", Fixtures.ascii("patient Jane Doe, fell")); // Image Comments

        DicomDataset published = DicomReader.read(deidentify(withExtras)).dataset();

        assertThat(published.elements()).allSatisfy(element -> assertThat(
                DicomDeidentifier.isKept(element.tag()) || element.tag() == Tag.PATIENT_NAME
                        || element.tag() == Tag.PATIENT_ID || element.tag() == Tag.PATIENT_IDENTITY_REMOVED
                        || element.tag() == Tag.DEIDENTIFICATION_METHOD)
                .as(Tag.format(element.tag())).isTrue());
        String text = Fixtures.latin1(deidentify(withExtras));
        assertThat(text).doesNotContain("ACC-998877", "MUNGO", "Jane Doe", "20240115");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cr-explicit-le.dcm", "dx-implicit-le.dcm", "mr-explicit-le.dcm"})
    void deidentifiedDicomReinspectsToTheSameImage(String fixture) {
        byte[] original = Fixtures.dicom(fixture);
        InspectedImage before = ImageInspector.inspect(original);

        byte[] published = deidentify(original);
        InspectedImage after = ImageInspector.inspect(published);

        DicomAttributes a = before.dicom().orElseThrow();
        DicomAttributes b = after.dicom().orElseThrow();
        assertThat(after.width()).isEqualTo(before.width());
        assertThat(after.height()).isEqualTo(before.height());
        assertThat(b.transferSyntaxUid()).isEqualTo(a.transferSyntaxUid());
        assertThat(b.sopInstanceUid()).isEqualTo(a.sopInstanceUid());
        assertThat(b.studyInstanceUid()).isEqualTo(a.studyInstanceUid());
        assertThat(b.sopClassUid()).isEqualTo(a.sopClassUid());
        assertThat(b.modality()).isEqualTo(a.modality());
        assertThat(b.bodyPartExamined()).isEqualTo(a.bodyPartExamined());
        assertThat(b.patientId()).contains(PSEUDONYM);
        assertThat(DicomEdits.pixelData(published)).isEqualTo(DicomEdits.pixelData(original));
        assertThat(deidentify(published)).as("idempotent").isEqualTo(published);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cr-explicit-le.dcm", "dx-implicit-le.dcm"})
    void writesPart10WithCorrectMetaGroupLengthAndSortedTags(String fixture) {
        byte[] published = deidentify(Fixtures.dicom(fixture));

        assertThat(java.util.Arrays.copyOf(published, 128)).containsOnly(0);
        assertThat(new String(published, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
        DicomFile file = DicomReader.read(published);
        byte[] groupLength = file.meta().find(Tag.FILE_META_GROUP_LENGTH).orElseThrow().value();
        int declared = java.nio.ByteBuffer.wrap(groupLength).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int metaEnd = 132 + 12 + declared;
        assertThat(published[metaEnd] & 0xFF | (published[metaEnd + 1] & 0xFF) << 8).as("first dataset group").isNotEqualTo(2);
        assertThat(file.dataset().elements()).extracting(DicomElement::tag)
                .isSortedAccordingTo(Integer::compareUnsigned);
        assertThat(file.dataset().elements()).allMatch(e -> e.value().length % 2 == 0);
    }

    @Test
    void refusesPseudonymThatCannotBeStored() {
        byte[] png = Fixtures.png(2, 2);
        InspectedImage image = ImageInspector.inspect(png);
        assertThatThrownBy(() -> Deidentifier.deidentify(png, image, "A\\B")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deidentifier.deidentify(png, image, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deidentifier.deidentify(png, image, "x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cr-explicit-le.dcm", "dx-implicit-le.dcm"})
    void dcmdumpReadsDeidentifiedDicomWithoutErrors(String fixture, @TempDir Path dir) throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/dcmdump"))).as("dcmtk installed").isTrue();
        Path file = dir.resolve("out.dcm");
        Files.write(file, deidentify(Fixtures.dicom(fixture)));

        Process process = new ProcessBuilder("/usr/bin/dcmdump", "-M", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("E: ", "W: ", "ROE^RICHARD", "DOE^JANE").contains(PSEUDONYM, "PatientIdentityRemoved");
    }
}
