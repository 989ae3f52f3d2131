package org.xray.datasets.synthetic;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Counts for one written split; {@code anomalyStudies} counts abnormal studies per kind. */
public record SplitSummary(int patients, int studies, int abnormalStudies, int images,
                           Map<AnomalyKind, Integer> anomalyStudies) {
    public SplitSummary {
        EnumMap<AnomalyKind, Integer> ordered = new EnumMap<>(AnomalyKind.class);
        ordered.putAll(anomalyStudies);
        anomalyStudies = Collections.unmodifiableMap(ordered); // enum order, for stable printing
    }
}
