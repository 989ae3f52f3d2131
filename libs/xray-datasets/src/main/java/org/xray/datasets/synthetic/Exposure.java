package org.xray.datasets.synthetic;

import java.util.Random;

/**
 * Detector response and display: attenuation to a [0, 1] intensity through {@code 1 - exp(-att)}, then gamma,
 * gain and offset drawn widely (so global brightness says little about the content), then signal-dependent noise.
 */
record Exposure(double gamma, double gain, double offset, double noiseBase, double noiseSignal) {

    /** Mid-range values of {@link #random}: gamma 1.1, gain 0.875, offset 0.065, moderate noise. */
    static final Exposure TYPICAL = new Exposure(1.1, 0.875, 0.065, 0.017, 0.0175);

    static Exposure random(Random rnd) {
        return new Exposure(Rnd.uniform(rnd, 0.6, 1.6), Rnd.uniform(rnd, 0.55, 1.2), Rnd.uniform(rnd, -0.05, 0.18),
                Rnd.uniform(rnd, 0.004, 0.03), Rnd.uniform(rnd, 0.0, 0.035));
    }

    float intensity(float attenuation) {
        double signal = 1 - Math.exp(-Math.max(0, attenuation));
        return (float) (offset + gain * Math.pow(signal, gamma));
    }

    /** Adds Gaussian noise whose spread grows with the square root of the intensity (quantum noise). */
    void addNoise(float[] values, Random rnd) {
        for (int i = 0; i < values.length; i++) {
            double v = Math.max(0, values[i]);
            values[i] += (float) (rnd.nextGaussian() * (noiseBase + noiseSignal * Math.sqrt(v)));
        }
    }
}
