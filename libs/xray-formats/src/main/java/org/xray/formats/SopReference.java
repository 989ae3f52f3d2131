package org.xray.formats;

/** Which DICOM instance a file claims to be: SOP Class UID and SOP Instance UID. */
public record SopReference(String sopClassUid, String sopInstanceUid) {
}
