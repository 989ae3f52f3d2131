package org.xray.datasets.synthetic;

import java.util.Optional;
import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraLayout;
import org.xray.datasets.mura.Split;

/** One study the writer will generate: where it goes, its label and anomaly, and the seed of each view. */
record PlannedStudy(Split split, BodyPart bodyPart, int patientNumber, int studyNumber, Optional<AnomalyKind> anomaly,
                    long[] imageSeeds) {

    boolean abnormal() {
        return anomaly.isPresent();
    }

    String studyKey() {
        return MuraLayout.studyKey(split, bodyPart, patientNumber, studyNumber, abnormal());
    }
}
