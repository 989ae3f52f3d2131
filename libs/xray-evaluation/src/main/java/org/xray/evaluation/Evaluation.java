package org.xray.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xray.contracts.BodyPart;

/**
 * Evaluates scored validation images the MURA way: image-level ROC-AUC and average precision per body part;
 * studies scored by {@link StudyAggregation}; a threshold calibrated per body part on those studies; study-level
 * Cohen's kappa at that threshold, per part and overall.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * @throws IllegalArgumentException when there are no images, a study's images disagree on its label, or a body
     *                                  part lacks normal or abnormal studies (the message names the part)
     */
    public static EvaluationReport evaluate(List<ScoredImage> validation, StudyAggregation aggregation,
            ThresholdRule rule) {
        Checks.nonNull(validation, "validation");
        Checks.nonNull(aggregation, "aggregation");
        Checks.nonNull(rule, "rule");
        if (validation.isEmpty()) {
            throw new IllegalArgumentException("cannot evaluate zero validation images");
        }
        List<ScoredStudy> allStudies = aggregation.aggregate(validation);
        Map<BodyPart, List<ScoredImage>> imagesByPart = new EnumMap<>(BodyPart.class);
        validation.forEach(image -> imagesByPart.computeIfAbsent(image.bodyPart(), p -> new ArrayList<>()).add(image));
        Map<BodyPart, Threshold> thresholds = ThresholdCalibration.perBodyPart(allStudies, rule);

        List<BodyPartEvaluation> parts = new ArrayList<>();
        for (Map.Entry<BodyPart, List<ScoredImage>> entry : imagesByPart.entrySet()) {
            BodyPart part = entry.getKey();
            List<ScoredImage> images = entry.getValue();
            LabelledScores scores = LabelledScores.of(images);
            List<ScoredStudy> studies = allStudies.stream().filter(s -> s.bodyPart() == part).toList();
            Threshold threshold = thresholds.get(part);
            try {
                parts.add(new BodyPartEvaluation(part, images.size(), studies.size(), RocAuc.of(scores.values(), scores.abnormal()),
                        AveragePrecision.of(scores.values(), scores.abnormal()), threshold, kappa(studies, thresholds)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(part + ": " + e.getMessage(), e);
            }
        }
        double meanRocAuc = parts.stream().mapToDouble(BodyPartEvaluation::rocAuc).average().orElseThrow();
        double meanAp = parts.stream().mapToDouble(BodyPartEvaluation::averagePrecision).average().orElseThrow();
        return new EvaluationReport(aggregation, parts, validation.size(), allStudies.size(),
                kappa(allStudies, thresholds), meanRocAuc, meanAp);
    }

    private static double kappa(List<ScoredStudy> studies, Map<BodyPart, Threshold> thresholds) {
        boolean[] predicted = new boolean[studies.size()];
        boolean[] actual = new boolean[studies.size()];
        for (int i = 0; i < predicted.length; i++) {
            ScoredStudy study = studies.get(i);
            predicted[i] = thresholds.get(study.bodyPart()).isAbnormal(study.score());
            actual[i] = study.abnormal();
        }
        return CohensKappa.of(predicted, actual);
    }
}
