package org.xray.formats;

import java.util.Map;
import java.util.Set;

/** Value representation rules needed to read and write elements (PS3.5 section 7.1). */
final class Vr {
    static final String SQ = "SQ";
    /** Placeholder VR for implicit VR elements this library has no dictionary entry for. */
    static final String UN = "UN";

    // Explicit VRs whose header has 2 reserved bytes and a 4-byte length.
    private static final Set<String> LONG_LENGTH =
            Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UR", "UT", "UN", "SV", "UV");

    // Text VRs are padded with a space; UI and binary VRs with NUL.
    private static final Set<String> SPACE_PADDED =
            Set.of("AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UR", "UT");

    // Implicit VR data carries no VR: just enough dictionary for the attributes this library reads or writes.
    private static final Map<Integer, String> IMPLICIT_DICTIONARY = Map.ofEntries(
            Map.entry(Tag.SOP_CLASS_UID, "UI"),
            Map.entry(Tag.SOP_INSTANCE_UID, "UI"),
            Map.entry(Tag.STUDY_INSTANCE_UID, "UI"),
            Map.entry(Tag.MODALITY, "CS"),
            Map.entry(Tag.BODY_PART_EXAMINED, "CS"),
            Map.entry(Tag.PATIENT_NAME, "PN"),
            Map.entry(Tag.PATIENT_ID, "LO"),
            Map.entry(Tag.PATIENT_IDENTITY_REMOVED, "CS"),
            Map.entry(Tag.DEIDENTIFICATION_METHOD, "LO"),
            Map.entry(Tag.PHOTOMETRIC_INTERPRETATION, "CS"),
            Map.entry(Tag.SAMPLES_PER_PIXEL, "US"),
            Map.entry(Tag.ROWS, "US"),
            Map.entry(Tag.COLUMNS, "US"),
            Map.entry(Tag.BITS_ALLOCATED, "US"),
            Map.entry(Tag.OTHER_PATIENT_IDS_SEQUENCE, SQ),
            Map.entry(Tag.PIXEL_DATA, "OW"));

    private Vr() {
    }

    static boolean hasLongLength(String vr) {
        return LONG_LENGTH.contains(vr);
    }

    static byte paddingByte(String vr) {
        return SPACE_PADDED.contains(vr) ? (byte) ' ' : 0;
    }

    static String implicitVrOf(int tag) {
        return IMPLICIT_DICTIONARY.getOrDefault(tag, UN);
    }

    /** Explicit VR bytes must be two upper-case letters; anything else means we are misaligned or the file is damaged. */
    static boolean isWellFormed(byte first, byte second) {
        return first >= 'A' && first <= 'Z' && second >= 'A' && second <= 'Z';
    }
}
