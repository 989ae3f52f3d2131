package org.xray.datasets.synthetic;

/**
 * How much acquisition nuisance the renderer draws around the anatomy and the anomaly.
 *
 * <p>{@link #FULL} (the default, and what the dataset writer uses) varies pose (rotation, scale, shift, mirroring),
 * exposure (gamma, gain, offset, noise), collimator bands and the side marker widely, as on MURA. {@link #REDUCED}
 * keeps the per-seed anatomy, bone texture and quantum noise but fixes the pose (upright, unmirrored, centred,
 * scale 1), uses one typical exposure, and draws no collimation and no marker. It exists for short learning tests of
 * reconstruction-based detectors, whose few-minute training cannot learn the full nuisance range: with it the anomaly
 * and the anatomy are the only things that vary. It is an easier task than real radiographs and says so; results on it
 * must not be reported as results on FULL images.
 */
public enum NuisanceVariation {
    FULL,
    REDUCED
}
