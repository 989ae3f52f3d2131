package org.xray.datasets.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.Split;

/**
 * Decides every study before any pixel is drawn, so the total is known for progress and the plan depends only on
 * the spec: exact abnormal counts per split and part, anomaly kinds balanced, patient numbers unique across both
 * splits (train first), and about one patient in five with a second study of the same part.
 */
final class StudyPlanner {

    private StudyPlanner() {
    }

    static List<PlannedStudy> plan(SyntheticDatasetSpec spec) {
        List<PlannedStudy> studies = new ArrayList<>();
        int nextPatient = 1;
        for (Split split : Split.values()) {
            int count = split == Split.TRAIN ? spec.trainStudiesPerPart() : spec.validStudiesPerPart();
            for (BodyPart part : BodyPart.values()) {
                if (!spec.bodyParts().contains(part)) {
                    continue;
                }
                Random rnd = new Random(Seeds.mix(spec.seed(), 101, split.ordinal(), part.ordinal()));
                List<Boolean> labels = labels(count, spec.abnormalFraction(), rnd);
                int kindOffset = rnd.nextInt(AnomalyKind.values().length);
                int abnormalSoFar = 0;
                int patient = -1;
                int studyNumber = 0;
                for (int i = 0; i < count; i++) {
                    if (patient < 0 || studyNumber >= 2 || rnd.nextDouble() >= 0.2) {
                        patient = nextPatient++;
                        studyNumber = 1;
                    } else {
                        studyNumber++;
                    }
                    Optional<AnomalyKind> anomaly = Optional.empty();
                    if (labels.get(i)) {
                        anomaly = Optional.of(AnomalyKind.values()[(kindOffset + abnormalSoFar++) % AnomalyKind.values().length]);
                    }
                    long[] seeds = new long[1 + rnd.nextInt(spec.maxImagesPerStudy())];
                    for (int v = 0; v < seeds.length; v++) {
                        seeds[v] = Seeds.mix(spec.seed(), 202, split.ordinal(), part.ordinal(), i, v);
                    }
                    studies.add(new PlannedStudy(split, part, patient, studyNumber, anomaly, seeds));
                }
            }
        }
        return studies;
    }

    /** Exactly round(fraction * count) abnormal labels, in random order. */
    private static List<Boolean> labels(int count, double fraction, Random rnd) {
        int abnormal = (int) Math.round(fraction * count);
        List<Boolean> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(i < abnormal);
        }
        Collections.shuffle(labels, rnd);
        return labels;
    }
}
