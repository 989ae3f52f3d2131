package org.xray.datasets.synthetic;

import java.awt.geom.Point2D;

/**
 * A joint between the end of {@code fixed} and the end of {@code moving} (end b when {@code movingAtB}), with the
 * contact point on the fixed bone's surface and the normal gap (joint space) in layout units.
 */
record Joint(int fixed, int moving, boolean movingAtB, Point2D.Double contact, double gap) {
}
