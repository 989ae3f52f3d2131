package org.xray.anomaly.fanogan;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.xray.anomaly.nn.ImageTensors;

/**
 * The izi_f terms shared by encoder training and scoring: {@code x' = G(E(x))}, the squared pixel residual and the
 * squared residual of the critic features f.
 */
record Reconstruction(INDArray images, INDArray reconstructions, INDArray imageFeatures,
                      INDArray reconstructionFeatures) {

    /** Inference only (no state kept for back-propagation). */
    static Reconstruction of(INDArray images, MultiLayerNetwork encoder, MultiLayerNetwork generator,
                             MultiLayerNetwork features) {
        INDArray reconstructions = generator.output(encoder.output(images, false), false);
        return new Reconstruction(images, reconstructions, features.output(images, false),
                features.output(reconstructions, false));
    }

    /** Pixel residuals {@code x' - x}, one row per image. */
    INDArray pixelResiduals() {
        return ImageTensors.rows(reconstructions).sub(ImageTensors.rows(images));
    }

    /** Feature residuals {@code f(x') - f(x)}, one row per image. */
    INDArray featureResiduals() {
        return ImageTensors.rows(reconstructionFeatures).sub(ImageTensors.rows(imageFeatures));
    }

    /** Per-image mean of the squared residuals, {@code [n]}. */
    static INDArray meanSquares(INDArray residualRows) {
        return residualRows.mul(residualRows).mean(1);
    }
}
