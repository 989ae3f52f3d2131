package org.xray.formats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes patient identity from a parsed DICOM object: the patient name and id become the pseudonym, other
 * direct identifiers and all private elements are dropped at every nesting level.
 */
final class DicomDeidentifier {
    static final String METHOD = "xray-formats Deidentifier: pseudonymised, identifiers removed";

    private static final Set<Integer> REMOVED = Set.of(
            Tag.OTHER_PATIENT_IDS,
            Tag.OTHER_PATIENT_IDS_SEQUENCE,
            Tag.OTHER_PATIENT_NAMES,
            Tag.PATIENT_BIRTH_NAME,
            Tag.PATIENT_MOTHER_BIRTH_NAME,
            Tag.PATIENT_ADDRESS,
            Tag.PATIENT_TELEPHONE_NUMBERS,
            Tag.PATIENT_BIRTH_DATE,
            Tag.PATIENT_BIRTH_TIME,
            Tag.MEDICAL_RECORD_LOCATOR,
            Tag.ISSUER_OF_PATIENT_ID,
            Tag.REFERRING_PHYSICIAN_NAME,
            Tag.REFERRING_PHYSICIAN_ADDRESS,
            Tag.REFERRING_PHYSICIAN_TELEPHONE_NUMBERS,
            Tag.PERFORMING_PHYSICIAN_NAME,
            Tag.OPERATORS_NAME,
            Tag.INSTITUTION_ADDRESS,
            Tag.PATIENT_COMMENTS);

    private DicomDeidentifier() {
    }

    static DicomFile deidentify(DicomFile file, String pseudonym) {
        byte[] pseudonymBytes = pseudonym.getBytes(StandardCharsets.US_ASCII);
        List<DicomElement> top = new ArrayList<>(clean(file.dataset(), pseudonymBytes).elements());
        // The top level always names the patient by pseudonym, so downstream joins work even if the input had none.
        put(top, Tag.PATIENT_NAME, "PN", pseudonymBytes);
        put(top, Tag.PATIENT_ID, "LO", pseudonymBytes);
        put(top, Tag.PATIENT_IDENTITY_REMOVED, "CS", "YES".getBytes(StandardCharsets.US_ASCII));
        put(top, Tag.DEIDENTIFICATION_METHOD, "LO", METHOD.getBytes(StandardCharsets.US_ASCII));
        return new DicomFile(file.meta(), file.transferSyntaxUid(), new DicomDataset(top));
    }

    private static DicomDataset clean(DicomDataset dataset, byte[] pseudonym) {
        List<DicomElement> kept = new ArrayList<>();
        for (DicomElement element : dataset.elements()) {
            int tag = element.tag();
            if (Tag.isPrivate(tag) || REMOVED.contains(tag)) {
                continue;
            }
            if (tag == Tag.PATIENT_NAME || tag == Tag.PATIENT_ID) {
                // Nested copies too (e.g. in referenced-patient sequences): every occurrence becomes the pseudonym.
                kept.add(element.isSequence() ? element.withItems(List.of()) : element.withValue(pseudonym));
            } else if (element.isSequence()) {
                kept.add(element.withItems(element.items().stream().map(item -> clean(item, pseudonym)).toList()));
            } else {
                kept.add(element);
            }
        }
        return new DicomDataset(kept);
    }

    private static void put(List<DicomElement> elements, int tag, String vr, byte[] value) {
        elements.removeIf(e -> e.tag() == tag);
        elements.add(DicomElement.ofValue(tag, vr, value, -1));
    }
}
