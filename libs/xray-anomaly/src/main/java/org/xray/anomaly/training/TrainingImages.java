package org.xray.anomaly.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.xray.imaging.GrayImage;

/**
 * Training batches of normal images, addressed by index so that a run is reproducible and a resumed run sees the
 * batches the interrupted one would have seen. Implementations usually sample with a seed derived from the index.
 */
@FunctionalInterface
public interface TrainingImages {

    /** Batch number {@code index} (0-based, counted across both phases): {@code size} model-size images. */
    List<GrayImage> batch(long index, int size);

    /** Batches drawn with replacement from a fixed pool, reproducibly by batch index. */
    static TrainingImages sampledFrom(List<GrayImage> pool, long seed) {
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("cannot sample training batches from no images");
        }
        List<GrayImage> images = List.copyOf(pool);
        return (index, size) -> {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
            List<GrayImage> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(images.get(random.nextInt(images.size())));
            }
            return batch;
        };
    }
}
