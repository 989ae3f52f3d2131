package org.xray.datasets.mura;

import java.util.Locale;

/** MURA's two splits; the directory and CSV prefix is the lower-case name ({@code train}, {@code valid}). */
public enum Split {
    TRAIN,
    VALID;

    /** The directory name under {@code MURA-v1.1/} and the prefix of the split's CSV files. */
    public String dirName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
