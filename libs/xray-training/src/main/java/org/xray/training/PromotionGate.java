package org.xray.training;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;

/**
 * Whether a new version may replace the current one: only when none of its validation figures (mean image ROC-AUC,
 * mean AP, study kappa) is worse than the current version's by more than the margin. Otherwise it is published as a
 * challenger, which scorers may shadow-score.
 */
public final class PromotionGate {

    private static final List<String> COMPARED = List.of("meanRocAuc", "meanAveragePrecision", "kappa");

    private final double margin;

    public PromotionGate(double margin) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("the promotion margin must be >= 0, was " + margin);
        }
        this.margin = margin;
    }

    /** The decision and its reason, for the log and the job's status. */
    public record Decision(ModelStatus status, String reason) {
    }

    public Decision decide(Map<String, Double> candidate, Optional<ModelManifest> current) {
        if (current.isEmpty()) {
            return new Decision(ModelStatus.CURRENT, "no current version to compare with");
        }
        ModelManifest incumbent = current.get();
        for (String metric : COMPARED) {
            Double now = incumbent.metrics().get(metric);
            Double next = candidate.get(metric);
            if (now != null && next != null && next < now - margin) {
                return new Decision(ModelStatus.CHALLENGER, String.format(Locale.ROOT,
                        "%s %.4f is worse than current version %s's %.4f by more than the margin %.4f", metric, next,
                        incumbent.version(), now, margin));
            }
        }
        return new Decision(ModelStatus.CURRENT, String.format(Locale.ROOT,
                "not worse than current version %s by more than %.4f on %s", incumbent.version(), margin, COMPARED));
    }
}
