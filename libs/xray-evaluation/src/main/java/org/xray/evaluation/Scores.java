package org.xray.evaluation;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Input checks and the descending sort that the ranking metrics share. */
final class Scores {

    private Scores() {
    }

    /** Checks lengths and finiteness; returns the number of positives. */
    static int check(double[] scores, boolean[] positives, String metric) {
        if (scores == null || positives == null) {
            throw new IllegalArgumentException(metric + ": scores and labels are required");
        }
        if (scores.length != positives.length) {
            throw new IllegalArgumentException(metric + ": " + scores.length + " scores but " + positives.length
                    + " labels; they must pair up one to one");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(metric + ": score " + i + " is " + scores[i]
                        + "; every score must be a finite number");
            }
        }
        int positiveCount = 0;
        for (boolean positive : positives) {
            if (positive) {
                positiveCount++;
            }
        }
        return positiveCount;
    }

    static void requireBothClasses(int positives, int total, String metric) {
        if (positives == 0 || positives == total) {
            throw new IllegalArgumentException(metric + " is undefined unless both classes are present: got "
                    + positives + " abnormal and " + (total - positives) + " normal");
        }
    }

    /** Indices ordered by score, highest first. */
    static int[] descending(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
