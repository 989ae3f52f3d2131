package org.xray.datasets.synthetic;

import java.awt.geom.AffineTransform;
import java.util.Random;

/**
 * How the limb lies on the detector: rotation (plus or minus 25 degrees), scale, translation (fractions of the image)
 * and mirroring (left versus right limb).
 */
record Pose(double angleDeg, double scale, double dx, double dy, boolean mirrored) {

    /** Upright, centred, scale 1, unmirrored. */
    static final Pose CANONICAL = new Pose(0, 1, 0, 0, false);

    static Pose random(Random rnd) {
        return new Pose(Rnd.around(rnd, 0, 25), Rnd.uniform(rnd, 0.78, 1.12), Rnd.around(rnd, 0, 0.08),
                Rnd.around(rnd, 0, 0.08), rnd.nextBoolean());
    }

    /** Layout units (unit square centred on 0.5, 0.5) to device pixels of a size x size image. */
    AffineTransform toDevice(int size) {
        AffineTransform t = new AffineTransform();
        t.translate(size * (0.5 + dx), size * (0.5 + dy));
        t.rotate(Math.toRadians(angleDeg));
        t.scale(scale * size * (mirrored ? -1 : 1), scale * size);
        t.translate(-0.5, -0.5);
        return t;
    }
}
