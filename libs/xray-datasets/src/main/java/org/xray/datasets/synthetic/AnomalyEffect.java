package org.xray.datasets.synthetic;

import java.awt.geom.AffineTransform;

/** One planned abnormality: may reshape the skeleton, may paint a bone itself, then paints its own marks. */
interface AnomalyEffect {

    AnomalyEffect NONE = (canvas, skeleton, tx) -> { };

    /** Changes bone geometry before anything is painted (e.g. closes a joint space). */
    default void reshape(Skeleton skeleton) {
    }

    /** Whether this effect paints bone {@code index} itself (a fractured bone, in two fragments). */
    default boolean paintsBone(int index) {
        return false;
    }

    /** Paints after the normal anatomy; records its extent in the canvas's anomaly mask. */
    void paint(RadiographCanvas canvas, Skeleton skeleton, AffineTransform tx);
}
