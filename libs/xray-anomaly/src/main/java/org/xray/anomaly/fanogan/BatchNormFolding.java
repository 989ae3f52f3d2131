package org.xray.anomaly.fanogan;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Folds each inference-mode batch norm, {@code y = gamma (x - mean) / sqrt(var + eps) + beta}, into the linear layer
 * before it: {@code W' = W s}, {@code b' = (b - mean) s + beta} per output unit, with {@code s = gamma / sqrt(var +
 * eps)}.
 */
final class BatchNormFolding {

    private BatchNormFolding() {
    }

    /** Writes the trained generator's parameters, folded, into a {@link FAnoGanNetworks#foldedGenerator}. */
    static void fold(MultiLayerNetwork generator, MultiLayerNetwork folded, FAnoGanConfig config) {
        int withNorm = FAnoGanNetworks.generatorStageLayers(true);
        int withoutNorm = FAnoGanNetworks.generatorStageLayers(false);
        int stages = config.downsamplings();
        for (int stage = 0; stage < stages; stage++) {
            foldStage(generator.getLayer(stage * withNorm), generator.getLayer(stage * withNorm + 1),
                    folded.getLayer(stage * withoutNorm), stage == 0);
        }
        Layer output = generator.getLayer(stages * withNorm);
        Layer foldedOutput = folded.getLayer(stages * withoutNorm);
        foldedOutput.setParam(DefaultParamInitializer.WEIGHT_KEY, output.getParam(DefaultParamInitializer.WEIGHT_KEY).dup());
        foldedOutput.setParam(DefaultParamInitializer.BIAS_KEY, output.getParam(DefaultParamInitializer.BIAS_KEY).dup());
    }

    private static void foldStage(Layer linear, Layer norm, Layer target, boolean dense) {
        org.deeplearning4j.nn.conf.layers.BatchNormalization normConf =
                (org.deeplearning4j.nn.conf.layers.BatchNormalization) norm.conf().getLayer();
        INDArray gamma = norm.getParam(BatchNormalizationParamInitializer.GAMMA).reshape(-1);
        INDArray beta = norm.getParam(BatchNormalizationParamInitializer.BETA).reshape(-1);
        INDArray mean = norm.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(-1);
        INDArray variance = norm.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(-1);
        INDArray scale = gamma.div(Transforms.sqrt(variance.add(normConf.getEps()), true));

        INDArray weights = linear.getParam(DefaultParamInitializer.WEIGHT_KEY).dup();
        INDArray bias = linear.getParam(DefaultParamInitializer.BIAS_KEY);
        if (dense) {
            weights.muliRowVector(scale); // [nIn, nOut]
        } else {
            // Deconvolution2D weights are [nIn, nOut, kH, kW]: scale along dimension 1.
            long[] shape = weights.shape();
            weights.muli(scale.reshape(1, shape[1], 1, 1).broadcast(shape));
        }
        INDArray foldedBias = bias.reshape(-1).sub(mean).muli(scale).addi(beta).reshape(bias.shape());
        target.setParam(DefaultParamInitializer.WEIGHT_KEY, weights);
        target.setParam(DefaultParamInitializer.BIAS_KEY, foldedBias);
    }
}
