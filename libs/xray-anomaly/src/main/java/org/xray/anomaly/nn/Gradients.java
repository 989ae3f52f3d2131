package org.xray.anomaly.nn;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;

/** Applies a gradient computed outside {@code fit()} (penalty terms, external errors) with the network's updater. */
public final class Gradients {

    private Gradients() {
    }

    /**
     * One optimiser step: the updater (Adam) turns the gradient into an update in place, which is then subtracted.
     * The gradient must already be averaged over the batch (mini-batch size 1 is passed, so it is not divided again).
     */
    public static void apply(MultiLayerNetwork network, Gradient gradient, int iteration) {
        network.getUpdater(true).update(network, gradient, iteration, 0, 1, LayerWorkspaceMgr.noWorkspaces());
        network.params().subi(gradient.gradient());
    }
}
