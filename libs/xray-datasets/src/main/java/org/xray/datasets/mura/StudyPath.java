package org.xray.datasets.mura;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xray.contracts.BodyPart;

/**
 * The parts of a MURA path such as {@code MURA-v1.1/valid/XR_HAND/patient11185/study1_positive/image1.png}
 * (image line) or {@code MURA-v1.1/valid/XR_HAND/patient11185/study1_positive/} (study line).
 */
record StudyPath(Split split, BodyPart bodyPart, String patientId, String studyKey, boolean abnormalByName,
                 String relativeToDataset) {

    private static final Pattern PATIENT = Pattern.compile("patient(\\d+)");
    private static final Pattern STUDY = Pattern.compile("study\\d+_(positive|negative)");

    /**
     * Parses a CSV path; {@code withImage} says whether a file name must follow the study directory.
     *
     * @throws IllegalArgumentException saying what is wrong, for the caller to place at file:line
     */
    static StudyPath parse(String csvPath, boolean withImage) {
        String trimmed = csvPath.endsWith("/") ? csvPath.substring(0, csvPath.length() - 1) : csvPath;
        String[] segments = trimmed.split("/", -1);
        int expected = withImage ? 6 : 5;
        if (segments.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " path segments ("
                    + (withImage ? "MURA-v1.1/<split>/XR_<PART>/patient<id>/study<n>_<positive|negative>/<image>"
                    : "MURA-v1.1/<split>/XR_<PART>/patient<id>/study<n>_<positive|negative>/")
                    + ") but got " + segments.length + " in '" + csvPath + "'");
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("empty or relative segment in '" + csvPath + "'");
            }
        }
        Split split = parseSplit(segments[1], csvPath);
        BodyPart part = parsePart(segments[2], csvPath);
        Matcher patient = PATIENT.matcher(segments[3]);
        if (!patient.matches()) {
            throw new IllegalArgumentException("'" + segments[3] + "' is not patient<digits> in '" + csvPath + "'");
        }
        Matcher study = STUDY.matcher(segments[4]);
        if (!study.matches()) {
            throw new IllegalArgumentException("'" + segments[4] + "' is not study<n>_positive or study<n>_negative in '"
                    + csvPath + "'");
        }
        String key = segments[1] + "/" + segments[2] + "/" + segments[3] + "/" + segments[4];
        String relative = trimmed.substring(segments[0].length() + 1);
        return new StudyPath(split, part, patient.group(1), key, study.group(1).equals("positive"), relative);
    }

    private static Split parseSplit(String segment, String csvPath) {
        for (Split split : Split.values()) {
            if (split.dirName().equals(segment)) {
                return split;
            }
        }
        throw new IllegalArgumentException("'" + segment + "' is not a split (train or valid) in '" + csvPath + "'");
    }

    private static BodyPart parsePart(String segment, String csvPath) {
        for (BodyPart part : BodyPart.values()) {
            if (part != BodyPart.UNKNOWN && part.name().equals(segment)) {
                return part;
            }
        }
        throw new IllegalArgumentException("'" + segment + "' is not a MURA body part (XR_ELBOW, XR_FINGER, "
                + "XR_FOREARM, XR_HAND, XR_HUMERUS, XR_SHOULDER, XR_WRIST) in '" + csvPath + "'");
    }
}
