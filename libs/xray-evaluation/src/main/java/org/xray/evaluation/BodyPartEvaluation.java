package org.xray.evaluation;

import org.xray.contracts.BodyPart;

/**
 * One body part's validation results.
 *
 * @param rocAuc           image-level ROC-AUC
 * @param averagePrecision image-level average precision
 * @param threshold        the study-level threshold calibrated on this part's studies
 * @param studyKappa       study-level Cohen's kappa at {@code threshold}
 */
public record BodyPartEvaluation(BodyPart part, int images, int studies, double rocAuc, double averagePrecision,
        Threshold threshold, double studyKappa) {
}
