package org.xray.imaging;

/** Which side's limb an image shows, as DICOM's ImageLaterality (0020,0062) or Laterality (0020,0060) say. */
public enum Laterality {
    LEFT,
    RIGHT,
    /** Not recorded (PNG, JPEG, a DICOM without the attributes) or not one side ("B" both, "U" unpaired). */
    UNKNOWN
}
