package org.xray.datasets.synthetic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.xray.datasets.mura.Split;

/** What {@link SyntheticDatasetWriter} wrote: the {@code MURA-v1.1} directory, per-split counts and the time taken. */
public record DatasetSummary(Path datasetDir, Map<Split, SplitSummary> splits, Duration elapsed) {
    public DatasetSummary {
        splits = Map.copyOf(splits);
    }

    public int totalImages() {
        return splits.values().stream().mapToInt(SplitSummary::images).sum();
    }

    /** A few human-readable lines for the CLI. */
    public String describe() {
        StringBuilder sb = new StringBuilder("wrote " + datasetDir + "\n");
        for (Split split : Split.values()) {
            SplitSummary s = splits.get(split);
            if (s != null) {
                sb.append(String.format(Locale.ROOT, "  %-5s %5d patients %5d studies (%d abnormal %s) %6d images%n",
                        split.dirName(), s.patients(), s.studies(), s.abnormalStudies(), s.anomalyStudies(), s.images()));
            }
        }
        double seconds = elapsed.toMillis() / 1000.0;
        sb.append(String.format(Locale.ROOT, "  %d images in %.1f s (%.1f images/s)", totalImages(), seconds,
                seconds > 0 ? totalImages() / seconds : 0));
        return sb.toString();
    }
}
