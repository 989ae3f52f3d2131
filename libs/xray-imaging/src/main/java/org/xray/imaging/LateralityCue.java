package org.xray.imaging;

/**
 * What in the image tells a left part from a right one when the metadata does not say, measured across the long
 * axis of the upright part (see {@link PartPose}).
 */
public enum LateralityCue {
    /** The outline's skew: a hand's thumb, a shoulder's chest wall stand out on one side. */
    OUTLINE,
    /** Which side the brightest quarter of the part lies on: the denser of two parallel bones (radius, ulna). */
    DENSE_BONE,
    /** No cue tells the sides apart reliably: only the metadata mirrors. */
    NONE
}
