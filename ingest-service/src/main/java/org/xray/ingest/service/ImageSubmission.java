package org.xray.ingest.service;

import java.util.Optional;

/**
 * One image as it reached ingest, before any check.
 *
 * @param bytes     the payload, untrusted
 * @param studyId   declared study id; DICOM tags take precedence
 * @param bodyPart  declared body part text; DICOM BodyPartExamined takes precedence
 * @param patientId declared patient id, pseudonymised before anything leaves ingest
 * @param source    which entry point received it (see {@link IntakeSource})
 * @param traceId   trace id carried through the pipeline
 */
public record ImageSubmission(byte[] bytes, Optional<String> studyId, Optional<String> bodyPart,
                              Optional<String> patientId, IntakeSource source, String traceId) {

    // The generated toString would print the plain patient id into any log line that mentions a submission.
    @Override
    public String toString() {
        return "ImageSubmission[" + bytes.length + " bytes, studyId=" + studyId + ", bodyPart=" + bodyPart
                + ", patientId=" + patientId.map(id -> "<redacted>") + ", source=" + source + ", traceId=" + traceId
                + "]";
    }
}
