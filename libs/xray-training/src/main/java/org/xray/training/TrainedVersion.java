package org.xray.training;

import java.util.List;

import org.xray.anomaly.bundle.ModelBundle;
import org.xray.evaluation.EvaluationReport;
import org.xray.evaluation.ScoredImage;

/**
 * One model version a job made: its bundle (manifest with thresholds and validation metrics), and the evaluation
 * behind those figures.
 *
 * @param scored every validation image's score, the input of {@code report}
 */
public record TrainedVersion(ModelBundle bundle, EvaluationReport report, List<ScoredImage> scored) {

    public TrainedVersion {
        scored = List.copyOf(scored);
    }

    public String name() {
        return bundle.manifest().name();
    }

    public String version() {
        return bundle.manifest().version();
    }
}
