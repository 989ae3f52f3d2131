package org.xray.formats;

import java.util.Objects;
import java.util.Optional;

/**
 * The DICOM attributes ingest needs. {@code patientId} is the original identifier: use it only to derive a
 * pseudonym, never publish it.
 */
public record DicomAttributes(
        String transferSyntaxUid,
        String sopClassUid,
        String sopInstanceUid,
        String studyInstanceUid,
        Optional<String> modality,
        Optional<String> bodyPartExamined,
        Optional<String> patientId,
        Optional<String> photometricInterpretation,
        int bitsAllocated) {
    public DicomAttributes {
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(bodyPartExamined, "bodyPartExamined");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(photometricInterpretation, "photometricInterpretation");
    }

    /** Like the generated one, but never prints the patient id, so logging an inspection cannot leak it. */
    @Override
    public String toString() {
        return "DicomAttributes[transferSyntaxUid=" + transferSyntaxUid + ", sopClassUid=" + sopClassUid
                + ", sopInstanceUid=" + sopInstanceUid + ", studyInstanceUid=" + studyInstanceUid
                + ", modality=" + modality + ", bodyPartExamined=" + bodyPartExamined
                + ", patientId=" + patientId.map(id -> "<redacted>").orElse("<absent>")
                + ", photometricInterpretation=" + photometricInterpretation + ", bitsAllocated=" + bitsAllocated + "]";
    }
}
