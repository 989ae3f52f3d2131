package org.xray.datasets.mura;

import java.util.Locale;
import org.xray.contracts.BodyPart;

/** The names MURA-v1.1 uses on disk, shared by the reader and the synthetic writer so both agree exactly. */
public final class MuraLayout {

    /** The dataset directory; every CSV path starts with it. */
    public static final String DATASET_DIR = "MURA-v1.1";

    private MuraLayout() {
    }

    public static String imagePathsCsv(Split split) {
        return split.dirName() + "_image_paths.csv";
    }

    public static String labeledStudiesCsv(Split split) {
        return split.dirName() + "_labeled_studies.csv";
    }

    /** MURA numbers patients with five digits, e.g. {@code patient00001}. */
    public static String patientDir(int patientNumber) {
        return String.format(Locale.ROOT, "patient%05d", patientNumber);
    }

    public static String studyDir(int studyNumber, boolean abnormal) {
        return "study" + studyNumber + (abnormal ? "_positive" : "_negative");
    }

    /** {@code train/XR_HAND/patient00001/study1_positive}: the study key, without the dataset directory. */
    public static String studyKey(Split split, BodyPart part, int patientNumber, int studyNumber, boolean abnormal) {
        return split.dirName() + "/" + part.name() + "/" + patientDir(patientNumber) + "/"
                + studyDir(studyNumber, abnormal);
    }

    /** The study line's path as the labeled-studies CSV writes it: dataset directory first, trailing slash. */
    public static String studyCsvPath(String studyKey) {
        return DATASET_DIR + "/" + studyKey + "/";
    }

    public static String imageFileName(int imageNumber) {
        return "image" + imageNumber + ".png";
    }
}
