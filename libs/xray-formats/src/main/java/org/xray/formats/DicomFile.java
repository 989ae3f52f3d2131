package org.xray.formats;

/** A parsed DICOM Part 10 file: file meta group (always explicit VR little endian) and the main dataset. */
record DicomFile(DicomDataset meta, String transferSyntaxUid, DicomDataset dataset) {
    boolean explicitVr() {
        return !TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntaxUid);
    }
}
