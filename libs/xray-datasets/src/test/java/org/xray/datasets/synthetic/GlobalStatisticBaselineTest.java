package org.xray.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xray.contracts.BodyPart;
import org.xray.evaluation.RocAuc;

/**
 * The benchmark must not be trivial: a naive global statistic of the whole image should not tell normal from
 * abnormal. Normal and abnormal images use independent seeds, as in a generated dataset.
 */
class GlobalStatisticBaselineTest {

    private static final int SIZE = 64;
    private static final int PER_PART = 40;

    @Test
    void meanIntensityDoesNotSeparateNormalFromAbnormal() {
        SyntheticRadiographRenderer renderer = new SyntheticRadiographRenderer(SIZE);
        List<double[]> stats = new ArrayList<>();
        List<Boolean> abnormal = new ArrayList<>();
        for (BodyPart part : SyntheticDatasetSpec.allParts()) {
            for (int i = 0; i < PER_PART; i++) {
                boolean isAbnormal = i % 2 == 1;
                Optional<AnomalyKind> kind = isAbnormal
                        ? Optional.of(AnomalyKind.values()[(i / 2) % AnomalyKind.values().length]) : Optional.empty();
                SyntheticImage image = renderer.render(part, kind, 7919L * part.ordinal() + i);
                stats.add(statistics(image.pixels()));
                abnormal.add(isAbnormal);
            }
        }
        boolean[] positives = new boolean[abnormal.size()];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = abnormal.get(i);
        }
        double meanAuc = RocAuc.of(column(stats, 0), positives);
        double stdAuc = RocAuc.of(column(stats, 1), positives);
        double p99Auc = RocAuc.of(column(stats, 2), positives);
        System.out.printf(Locale.ROOT, "global-statistic baseline, %d images at %d px: AUC mean intensity %.3f, "
                + "std-dev %.3f, 99th percentile %.3f%n", positives.length, SIZE, meanAuc, stdAuc, p99Auc);

        assertThat(meanAuc).as("AUC of mean intensity").isBetween(0.35, 0.65);
        // Not the acceptance criterion, but a guard against an anomaly that simply brightens or darkens images.
        assertThat(stdAuc).as("AUC of intensity std-dev").isBetween(0.3, 0.7);
        assertThat(p99Auc).as("AUC of the 99th percentile").isBetween(0.3, 0.7);
    }

    /** Mean, standard deviation and 99th percentile of the 8-bit pixels. */
    private static double[] statistics(byte[] pixels) {
        int[] histogram = new int[256];
        double sum = 0;
        double sumSquares = 0;
        for (byte b : pixels) {
            int v = b & 0xff;
            histogram[v]++;
            sum += v;
            sumSquares += (double) v * v;
        }
        double mean = sum / pixels.length;
        double std = Math.sqrt(sumSquares / pixels.length - mean * mean);
        int cumulative = 0;
        int p99 = 255;
        for (int v = 0; v < 256; v++) {
            cumulative += histogram[v];
            if (cumulative >= 0.99 * pixels.length) {
                p99 = v;
                break;
            }
        }
        return new double[] {mean, std, p99};
    }

    private static double[] column(List<double[]> rows, int index) {
        return rows.stream().mapToDouble(r -> r[index]).toArray();
    }
}
