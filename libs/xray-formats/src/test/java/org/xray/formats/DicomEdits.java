package org.xray.formats;

import java.util.ArrayList;
import java.util.List;

/** Builds damaged or unusual DICOM files from the fixtures by editing the parsed model and writing it back. */
final class DicomEdits {
    private DicomEdits() {
    }

    static byte[] without(byte[] dicom, int tag) {
        DicomFile file = DicomReader.read(dicom);
        List<DicomElement> kept = new ArrayList<>(file.dataset().elements());
        kept.removeIf(e -> e.tag() == tag);
        return DicomWriter.write(new DicomFile(file.meta(), file.transferSyntaxUid(), new DicomDataset(kept)));
    }

    static byte[] withValue(byte[] dicom, int tag, String vr, byte[] value) {
        DicomFile file = DicomReader.read(dicom);
        List<DicomElement> kept = new ArrayList<>(file.dataset().elements());
        kept.removeIf(e -> e.tag() == tag);
        kept.add(DicomElement.ofValue(tag, vr, value, -1));
        return DicomWriter.write(new DicomFile(file.meta(), file.transferSyntaxUid(), new DicomDataset(kept)));
    }

    static byte[] pixelData(byte[] dicom) {
        return DicomReader.read(dicom).dataset().find(Tag.PIXEL_DATA).orElseThrow().value();
    }
}
