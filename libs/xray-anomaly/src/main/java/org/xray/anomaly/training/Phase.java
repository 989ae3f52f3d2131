package org.xray.anomaly.training;

/** The two f-AnoGAN training phases, in order. */
public enum Phase {
    /** WGAN-GP: generator and critic on normal images. */
    GAN,
    /** izi_f: the encoder, with generator and critic frozen. */
    ENCODER
}
