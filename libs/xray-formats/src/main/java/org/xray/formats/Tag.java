package org.xray.formats;

/** DICOM tags as {@code (group << 16) | element} ints, plus formatting; only the tags this library uses. */
final class Tag {
    static final int FILE_META_GROUP_LENGTH = 0x00020000;
    static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    static final int TRANSFER_SYNTAX_UID = 0x00020010;
    static final int PRIVATE_INFORMATION_CREATOR_UID = 0x00020100;
    static final int PRIVATE_INFORMATION = 0x00020102;

    static final int SOP_CLASS_UID = 0x00080016;
    static final int SOP_INSTANCE_UID = 0x00080018;
    static final int MODALITY = 0x00080060;

    static final int PATIENT_NAME = 0x00100010;
    static final int PATIENT_ID = 0x00100020;
    static final int PATIENT_BIRTH_DATE = 0x00100030;
    static final int OTHER_PATIENT_IDS_SEQUENCE = 0x00101002;

    static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
    static final int DEIDENTIFICATION_METHOD = 0x00120063;

    static final int BODY_PART_EXAMINED = 0x00180015;
    static final int STUDY_INSTANCE_UID = 0x0020000D;
    static final int LATERALITY = 0x00200060;
    static final int IMAGE_LATERALITY = 0x00200062;

    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PLANAR_CONFIGURATION = 0x00280006;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int HIGH_BIT = 0x00280102;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int WINDOW_CENTER = 0x00281050;
    static final int WINDOW_WIDTH = 0x00281051;
    static final int RESCALE_INTERCEPT = 0x00281052;
    static final int RESCALE_SLOPE = 0x00281053;
    static final int VOI_LUT_FUNCTION = 0x00281056;

    static final int PIXEL_DATA = 0x7FE00010;

    // Item encoding tags: never carry a VR, even in explicit VR transfer syntaxes.
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tag() {
    }

    static int group(int tag) {
        return tag >>> 16;
    }

    static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1;
    }

    static boolean isGroupLength(int tag) {
        return (tag & 0xFFFF) == 0;
    }

    /** {@code (7FE0,0010)} as DICOM people write it. */
    static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
