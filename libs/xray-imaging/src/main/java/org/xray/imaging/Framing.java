package org.xray.imaging;

/** How {@link RadiographPreprocessor} frames the body part before resizing. */
public enum Framing {
    /** The whole image as decoded: no crop, no turn, nothing blanked. */
    WHOLE_IMAGE,
    /**
     * The whole body part, soft tissue included, in its canonical pose: long axis vertical, distal end up, one
     * laterality, air, collimation bands and lead markers set to background. Per part as {@link PartFraming} says.
     */
    CANONICAL
}
