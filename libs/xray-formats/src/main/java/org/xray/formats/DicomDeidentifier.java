package org.xray.formats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes patient identity from a parsed DICOM object by keeping only what the pipeline needs (an allow-list):
 * the instance, series and study UIDs, what kind of image it is, and the image pixel module. Everything else
 * (names, dates, accession numbers, institutions, free-text comments, private tags, and any attribute a future
 * sender invents) is dropped, since a block-list can never name every place an identifier hides. Patient Name and
 * Patient ID become the pseudonym so a patient's studies stay linkable downstream.
 *
 * <p>Identifiers burned into the pixels (Burned In Annotation (0028,0301) = YES) are not removed.
 */
final class DicomDeidentifier {
    static final String METHOD = "xray-formats Deidentifier: allow-list, pseudonymised";

    private static final int IMAGE_PRESENTATION_GROUP = 0x0028;

    private static final Set<Integer> KEPT = Set.of(
            0x00080005, // Specific Character Set: needed to read any text that remains
            0x00080008, // Image Type
            Tag.SOP_CLASS_UID,
            Tag.SOP_INSTANCE_UID,
            Tag.MODALITY,
            0x00080064, // Conversion Type
            0x00080070, // Manufacturer
            0x00081090, // Manufacturer's Model Name
            Tag.BODY_PART_EXAMINED,
            0x00181164, // Imager Pixel Spacing
            0x00185101, // View Position
            Tag.STUDY_INSTANCE_UID,
            0x0020000E, // Series Instance UID
            0x00200011, // Series Number
            0x00200013, // Instance Number
            0x00200020, // Patient Orientation
            Tag.LATERALITY,
            Tag.IMAGE_LATERALITY,
            Tag.PIXEL_DATA);

    private DicomDeidentifier() {
    }

    static DicomFile deidentify(DicomFile file, String pseudonym) {
        byte[] pseudonymBytes = pseudonym.getBytes(StandardCharsets.US_ASCII);
        List<DicomElement> kept = new ArrayList<>(file.dataset().elements().stream()
                .filter(element -> isKept(element.tag()))
                .toList());
        kept.add(DicomElement.ofValue(Tag.PATIENT_NAME, "PN", pseudonymBytes, -1));
        kept.add(DicomElement.ofValue(Tag.PATIENT_ID, "LO", pseudonymBytes, -1));
        kept.add(DicomElement.ofValue(Tag.PATIENT_IDENTITY_REMOVED, "CS", "YES".getBytes(StandardCharsets.US_ASCII), -1));
        kept.add(DicomElement.ofValue(Tag.DEIDENTIFICATION_METHOD, "LO", METHOD.getBytes(StandardCharsets.US_ASCII), -1));
        return new DicomFile(file.meta(), file.transferSyntaxUid(), new DicomDataset(kept));
    }

    /** Whether an attribute at the top level survives de-identification. */
    static boolean isKept(int tag) {
        return KEPT.contains(tag) || tag >>> 16 == IMAGE_PRESENTATION_GROUP;
    }
}
