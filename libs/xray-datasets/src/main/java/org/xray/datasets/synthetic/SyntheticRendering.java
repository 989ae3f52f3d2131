package org.xray.datasets.synthetic;

import java.util.Objects;

/**
 * A rendered image with its ground truth: where the body part (soft tissue and bone) is visible (not under a
 * collimator band), where bone is and where the
 * anomaly was drawn (each row-major, one byte per pixel, 1 inside and 0 outside), and how the part lies on the
 * detector. The masks let tests and heat-map evaluations check localisation; the part mask and pose let framing
 * tests check crops and orientation.
 */
public record SyntheticRendering(SyntheticImage image, byte[] partMask, byte[] boneMask, byte[] anomalyMask,
                                 RenderedPose pose) {
    public SyntheticRendering {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pose, "pose");
        int n = image.width() * image.height();
        if (partMask.length != n || boneMask.length != n || anomalyMask.length != n) {
            throw new IllegalArgumentException("masks must have " + n + " bytes");
        }
    }

    /**
     * How the anatomy's canonical layout (long axis vertical, distal end up) was placed on the detector.
     *
     * @param angleDegrees rotation, positive clockwise on screen
     * @param scale        magnification against the canonical layout
     * @param mirrored     whether the layout was mirrored left to right (the other side's limb)
     */
    public record RenderedPose(double angleDegrees, double scale, boolean mirrored) {
    }
}
