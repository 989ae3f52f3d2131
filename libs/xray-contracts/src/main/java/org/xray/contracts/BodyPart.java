package org.xray.contracts;

import java.util.Locale;
import java.util.Map;

/** MURA's seven upper-extremity study types, plus UNKNOWN for anything else. */
public enum BodyPart {
    XR_ELBOW,
    XR_FINGER,
    XR_FOREARM,
    XR_HAND,
    XR_HUMERUS,
    XR_SHOULDER,
    XR_WRIST,
    UNKNOWN;

    // DICOM PS3.16 Annex L body part terms (and common vendor variants) onto MURA's parts.
    private static final Map<String, BodyPart> DICOM_TERMS = Map.ofEntries(
            Map.entry("ELBOW", XR_ELBOW),
            Map.entry("FINGER", XR_FINGER),
            Map.entry("THUMB", XR_FINGER),
            Map.entry("FOREARM", XR_FOREARM),
            Map.entry("HAND", XR_HAND),
            Map.entry("HUMERUS", XR_HUMERUS),
            Map.entry("ARM", XR_HUMERUS),
            Map.entry("UPPER ARM", XR_HUMERUS),
            Map.entry("SHOULDER", XR_SHOULDER),
            Map.entry("WRIST", XR_WRIST));

    /** Maps a DICOM BodyPartExamined (0018,0015) value; anything unrecognised is UNKNOWN. */
    public static BodyPart fromDicom(String bodyPartExamined) {
        String term = bodyPartExamined.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
        return DICOM_TERMS.getOrDefault(term, UNKNOWN);
    }

    /**
     * Parses a user-supplied body part: either the MURA name ({@code XR_HAND}) or a DICOM term ({@code hand}).
     *
     * @throws IllegalArgumentException naming the accepted values when the text is neither
     */
    public static BodyPart parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (BodyPart part : values()) {
            if (part.name().equals(upper)) {
                return part;
            }
        }
        BodyPart fromTerm = fromDicom(upper);
        if (fromTerm == UNKNOWN) {
            throw new IllegalArgumentException("unknown body part '" + text + "': use one of "
                    + java.util.Arrays.toString(values()) + " or a DICOM term such as HAND");
        }
        return fromTerm;
    }
}
