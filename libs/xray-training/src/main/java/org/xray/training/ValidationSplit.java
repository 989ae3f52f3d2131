package org.xray.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.scoring.AnomalyScorer;
import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraDataset;
import org.xray.datasets.mura.MuraImage;
import org.xray.datasets.mura.Split;
import org.xray.evaluation.Evaluation;
import org.xray.evaluation.EvaluationReport;
import org.xray.evaluation.ScoredImage;
import org.xray.evaluation.StudyAggregation;
import org.xray.evaluation.ThresholdRule;
import org.xray.imaging.GrayImage;
import org.xray.imaging.RadiographPreprocessor;

/**
 * A model evaluated on a dataset's valid split the MURA way: image ROC-AUC and AP per body part, study kappa with the
 * study score the max of its images, thresholds calibrated on the same split to maximise kappa.
 */
public final class ValidationSplit {

    private ValidationSplit() {
    }

    /** @param scored every validation image's score, the input of {@code report} */
    public record Result(EvaluationReport report, List<ScoredImage> scored) {

        public Result {
            scored = List.copyOf(scored);
        }
    }

    /**
     * @throws IllegalArgumentException when the split has no images of {@code parts}, or a part lacks normal or
     *                                  abnormal studies
     */
    public static Result evaluate(MuraDataset dataset, Set<BodyPart> parts, AnomalyScorer model,
                                  RadiographPreprocessor preprocessor) {
        List<MuraImage> valid = dataset.images(Split.VALID).stream().filter(i -> parts.contains(i.bodyPart()))
                .toList();
        if (valid.isEmpty()) {
            throw new IllegalArgumentException("the valid split of " + dataset.datasetDir() + " has no images of "
                    + parts + " to evaluate on");
        }
        List<AnomalyScore> scores = model.score(preprocess(preprocessor, valid));
        List<ScoredImage> scored = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            MuraImage image = valid.get(i);
            scored.add(new ScoredImage(dataset.datasetDir().relativize(image.path()).toString(), image.studyKey(),
                    image.bodyPart(), scores.get(i).score(), image.abnormal()));
        }
        return new Result(Evaluation.evaluate(scored, StudyAggregation.MAX, ThresholdRule.maximizingKappa()),
                scored);
    }

    /** @throws IllegalArgumentException naming an image that cannot be read or preprocessed */
    static List<GrayImage> preprocess(RadiographPreprocessor preprocessor, List<MuraImage> images) {
        List<GrayImage> result = new ArrayList<>(images.size());
        for (MuraImage image : images) {
            try {
                result.add(preprocessor.process(Files.readAllBytes(image.path()), image.bodyPart()).image());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + image.path(), e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot preprocess " + image.path() + ": " + e.getMessage(), e);
            }
        }
        return result;
    }
}
