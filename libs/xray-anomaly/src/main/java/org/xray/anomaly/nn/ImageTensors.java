package org.xray.anomaly.nn;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.xray.imaging.GrayImage;
import org.xray.imaging.Normalization;

/** Converts between 8-bit images and the models' NCHW tensors in [-1, 1]. */
public final class ImageTensors {

    private ImageTensors() {
    }

    /** A {@code [n, 1, size, size]} tensor; every image must be {@code size x size}. */
    public static INDArray toTensor(List<GrayImage> images, int size, DataType dataType) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images");
        }
        int pixels = size * size;
        float[] values = new float[images.size() * pixels];
        for (int i = 0; i < images.size(); i++) {
            GrayImage image = images.get(i);
            if (image.width() != size || image.height() != size) {
                throw new IllegalArgumentException("the model takes " + size + "x" + size + " images, image " + i
                        + " is " + image.width() + "x" + image.height());
            }
            System.arraycopy(Normalization.toUnitRange(image), 0, values, i * pixels, pixels);
        }
        return Nd4j.create(values, new long[] {images.size(), 1, size, size}, 'c').castTo(dataType);
    }

    /** Each sample flattened to a row: {@code [n, everything else]} (a view when the array is contiguous). */
    public static INDArray rows(INDArray batch) {
        return batch.reshape('c', batch.size(0), batch.length() / batch.size(0));
    }
}
