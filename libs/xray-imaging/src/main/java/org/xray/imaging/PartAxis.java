package org.xray.imaging;

/** Which pixels' moments give a part's long axis (see {@link PartPose}). */
public enum PartAxis {
    /** The whole part's outline, soft tissue included. */
    OUTLINE,
    /** The part's levels above its median, weighted by how far above: the bones. */
    BONE
}
