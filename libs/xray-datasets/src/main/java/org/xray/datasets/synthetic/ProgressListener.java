package org.xray.datasets.synthetic;

/** Told after each image is written; {@code total} is known up front. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
