package org.xray.training;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.ValidationRoc;
import org.xray.evaluation.LabelledScores;
import org.xray.evaluation.RocCurve;
import org.xray.evaluation.RocPoint;
import org.xray.evaluation.ScoredImage;

/** Each body part's validation ROC curve, thinned to at most {@value #MAX_POINTS} points for manifests. */
public final class ValidationRocCurves {

    /** Enough to draw the curve; a manifest stays a few kilobytes whatever the size of the validation split. */
    public static final int MAX_POINTS = 65;

    private ValidationRocCurves() {
    }

    /** By body part name; a part whose images are all of one class has no curve and is left out. */
    public static Map<String, ValidationRoc> of(List<ScoredImage> scored) {
        Map<BodyPart, List<ScoredImage>> byPart = new EnumMap<>(BodyPart.class);
        scored.forEach(image -> byPart.computeIfAbsent(image.bodyPart(), p -> new ArrayList<>()).add(image));
        Map<String, ValidationRoc> curves = new TreeMap<>();
        byPart.forEach((part, images) -> {
            boolean bothClasses = images.stream().anyMatch(ScoredImage::abnormal)
                    && images.stream().anyMatch(image -> !image.abnormal());
            if (bothClasses) {
                LabelledScores scores = LabelledScores.of(images);
                curves.put(part.name(), thinned(RocCurve.of(scores.values(), scores.abnormal())));
            }
        });
        return curves;
    }

    // Evenly spaced points of the curve, always keeping (0,0) and (1,1).
    static ValidationRoc thinned(List<RocPoint> points) {
        int count = Math.min(points.size(), MAX_POINTS);
        List<Double> falsePositives = new ArrayList<>(count);
        List<Double> truePositives = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RocPoint point = points.get((int) Math.round(i * (points.size() - 1.0) / (count - 1)));
            falsePositives.add(point.falsePositiveRate());
            truePositives.add(point.truePositiveRate());
        }
        return new ValidationRoc(falsePositives, truePositives);
    }
}
