package org.xray.anomaly.scoring;

import java.util.List;
import org.xray.imaging.GrayImage;

/** Scores preprocessed images (model size, 8-bit) in batches; one score per image, in order. */
public interface AnomalyScorer {

    List<AnomalyScore> score(List<GrayImage> images);
}
