package org.xray.evaluation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of {@link Evaluation#evaluate}.
 *
 * @param parts                per body part, in {@link org.xray.contracts.BodyPart} order
 * @param studyKappa           study-level kappa over all studies, each judged by its own part's threshold
 * @param meanRocAuc           unweighted mean of the parts' image-level ROC-AUC
 * @param meanAveragePrecision unweighted mean of the parts' image-level average precision
 */
public record EvaluationReport(StudyAggregation aggregation, List<BodyPartEvaluation> parts, int images, int studies,
        double studyKappa, double meanRocAuc, double meanAveragePrecision) {

    public EvaluationReport {
        parts = List.copyOf(parts);
    }

    /** Threshold values by body part name ({@code XR_HAND}), as a model manifest stores them. */
    public Map<String, Double> thresholds() {
        Map<String, Double> thresholds = new TreeMap<>();
        parts.forEach(part -> thresholds.put(part.part().name(), part.threshold().value()));
        return Collections.unmodifiableMap(thresholds);
    }

    /**
     * Flat metric names, as a model manifest stores them: {@code kappa}, {@code meanRocAuc},
     * {@code meanAveragePrecision}, and per part {@code XR_HAND.rocAuc}, {@code XR_HAND.averagePrecision},
     * {@code XR_HAND.kappa}.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("kappa", studyKappa);
        metrics.put("meanRocAuc", meanRocAuc);
        metrics.put("meanAveragePrecision", meanAveragePrecision);
        for (BodyPartEvaluation part : parts) {
            String prefix = part.part().name() + ".";
            metrics.put(prefix + "rocAuc", part.rocAuc());
            metrics.put(prefix + "averagePrecision", part.averagePrecision());
            metrics.put(prefix + "kappa", part.studyKappa());
        }
        return Collections.unmodifiableMap(metrics);
    }
}
