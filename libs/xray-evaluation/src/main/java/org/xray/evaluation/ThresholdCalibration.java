package org.xray.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.xray.contracts.BodyPart;

/**
 * Chooses study-level thresholds. Candidates are: the lowest study score (every study abnormal), the midpoint
 * between each pair of neighbouring distinct scores, and the smallest double above the highest score (no study
 * abnormal). A study is abnormal when its score is at or above the threshold.
 */
public final class ThresholdCalibration {

    private ThresholdCalibration() {
    }

    /**
     * The candidate with the highest Cohen's kappa; among equal kappas the highest threshold (fewest alerts).
     *
     * @throws IllegalArgumentException when the studies lack a normal or an abnormal one
     */
    public static Threshold maximizingKappa(List<ScoredStudy> studies) {
        Table table = new Table(studies);
        if (table.positives.length == 0 || table.negatives.length == 0) {
            throw new IllegalArgumentException("kappa calibration needs normal and abnormal studies: got "
                    + table.negatives.length + " normal and " + table.positives.length + " abnormal");
        }
        Threshold best = null;
        for (double candidate : table.candidates()) {
            Threshold threshold = table.at(candidate);
            if (best == null || threshold.kappa() >= best.kappa()) {
                best = threshold;
            }
        }
        return best;
    }

    /**
     * The smallest candidate whose false-positive rate (normal studies called abnormal) is at most
     * {@code targetFpr}: the most sensitive threshold within that alert budget. Normal studies alone suffice; the
     * true-positive rate is then NaN.
     *
     * @throws IllegalArgumentException when {@code targetFpr} is outside [0, 1] or there is no normal study
     */
    public static Threshold forFalsePositiveRate(List<ScoredStudy> studies, double targetFpr) {
        requireRate(targetFpr);
        Table table = new Table(studies);
        if (table.negatives.length == 0) {
            throw new IllegalArgumentException("false-positive-rate calibration needs normal studies: got "
                    + table.positives.length + " abnormal and none normal");
        }
        for (double candidate : table.candidates()) {
            Threshold threshold = table.at(candidate);
            if (threshold.falsePositiveRate() <= targetFpr) {
                return threshold;
            }
        }
        throw new AssertionError("the highest candidate has no false positives");
    }

    /**
     * Applies {@code rule} to each body part's studies separately.
     *
     * @return thresholds in {@link BodyPart} order
     * @throws IllegalArgumentException naming the body part whose studies the rule refused
     */
    public static Map<BodyPart, Threshold> perBodyPart(List<ScoredStudy> studies,
            Function<List<ScoredStudy>, Threshold> rule) {
        Checks.nonNull(studies, "studies");
        Checks.nonNull(rule, "rule");
        Map<BodyPart, List<ScoredStudy>> byPart = new EnumMap<>(BodyPart.class);
        for (ScoredStudy study : studies) {
            byPart.computeIfAbsent(Checks.nonNull(study, "study").bodyPart(), part -> new ArrayList<>()).add(study);
        }
        Map<BodyPart, Threshold> thresholds = new EnumMap<>(BodyPart.class);
        byPart.forEach((part, partStudies) -> {
            try {
                thresholds.put(part, rule.apply(List.copyOf(partStudies)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(part + ": " + e.getMessage(), e);
            }
        });
        return Collections.unmodifiableMap(thresholds);
    }

    static void requireRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("target false-positive rate must be in [0, 1], was " + rate);
        }
    }

    /** The studies' scores split by label and sorted, so counts at a threshold are two binary searches. */
    private static final class Table {
        final double[] positives;
        final double[] negatives;
        final double[] distinct;

        Table(List<ScoredStudy> studies) {
            Checks.nonNull(studies, "studies");
            if (studies.isEmpty()) {
                throw new IllegalArgumentException("cannot calibrate a threshold on zero studies");
            }
            positives = studies.stream().filter(ScoredStudy::abnormal).mapToDouble(ScoredStudy::score).sorted()
                    .toArray();
            negatives = studies.stream().filter(s -> !s.abnormal()).mapToDouble(ScoredStudy::score).sorted()
                    .toArray();
            distinct = studies.stream().mapToDouble(ScoredStudy::score).sorted().distinct().toArray();
        }

        /** Ascending. */
        double[] candidates() {
            double[] candidates = new double[distinct.length + 1];
            candidates[0] = distinct[0];
            for (int i = 1; i < distinct.length; i++) {
                candidates[i] = distinct[i - 1] / 2 + distinct[i] / 2;
            }
            candidates[distinct.length] = Math.nextUp(distinct[distinct.length - 1]);
            return candidates;
        }

        Threshold at(double value) {
            long tp = atOrAbove(positives, value);
            long fp = atOrAbove(negatives, value);
            long fn = positives.length - tp;
            long tn = negatives.length - fp;
            double fpr = negatives.length == 0 ? Double.NaN : (double) fp / negatives.length;
            double tpr = positives.length == 0 ? Double.NaN : (double) tp / positives.length;
            return new Threshold(value, CohensKappa.fromCounts(tp, fp, fn, tn), fpr, tpr);
        }

        private static int atOrAbove(double[] sorted, double value) {
            int low = 0;
            int high = sorted.length;
            while (low < high) { // first index with sorted[index] >= value
                int mid = (low + high) >>> 1;
                if (sorted[mid] < value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return sorted.length - low;
        }
    }
}
