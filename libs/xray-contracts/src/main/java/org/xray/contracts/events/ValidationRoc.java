package org.xray.contracts.events;

import java.util.List;

import org.xray.contracts.ContractViolationException;

/**
 * A body part's image-level ROC curve on the validation split, thinned for display: points in order of falling
 * threshold, from (0, 0) to (1, 1).
 */
public record ValidationRoc(List<Double> falsePositiveRates, List<Double> truePositiveRates) {

    public ValidationRoc {
        falsePositiveRates = Require.listCopy(falsePositiveRates, "ValidationRoc.falsePositiveRates");
        truePositiveRates = Require.listCopy(truePositiveRates, "ValidationRoc.truePositiveRates");
        if (falsePositiveRates.size() != truePositiveRates.size() || falsePositiveRates.size() < 2) {
            throw new ContractViolationException("ValidationRoc needs as many false as true positive rates, at "
                    + "least 2, got " + falsePositiveRates.size() + " and " + truePositiveRates.size());
        }
        requireRates(falsePositiveRates, "falsePositiveRates");
        requireRates(truePositiveRates, "truePositiveRates");
    }

    private static void requireRates(List<Double> rates, String field) {
        for (double rate : rates) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new ContractViolationException("ValidationRoc." + field + " must lie in [0, 1], found " + rate);
            }
        }
    }
}
