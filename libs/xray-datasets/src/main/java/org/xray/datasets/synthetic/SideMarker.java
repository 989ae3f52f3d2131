package org.xray.datasets.synthetic;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/**
 * The lead "L" or "R" marker radiographers tape to the cassette: drawn as strokes (no fonts, so rendering is the
 * same on every JVM, headless or not) into the metal layer, near a corner, sometimes framed.
 */
final class SideMarker {

    private SideMarker() {
    }

    static void paint(RadiographCanvas canvas, boolean right, Random rnd) {
        int size = canvas.size;
        double box = Rnd.uniform(rnd, 0.05, 0.09) * size;
        double x = rnd.nextBoolean() ? Rnd.uniform(rnd, 0.03, 0.12) * size : size - box - Rnd.uniform(rnd, 0.03, 0.12) * size;
        double y = rnd.nextBoolean() ? Rnd.uniform(rnd, 0.03, 0.12) * size : size - box - Rnd.uniform(rnd, 0.03, 0.12) * size;
        AffineTransform tx = new AffineTransform();
        tx.translate(x, y);
        tx.rotate(Math.toRadians(Rnd.around(rnd, 0, 10)), box / 2, box / 2);
        tx.scale(box, box);
        float weight = (float) Rnd.uniform(rnd, 2.0, 4.0);
        BasicStroke pen = new BasicStroke(0.16f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER);
        canvas.addMetal(pen.createStrokedShape(letter(right)), tx, weight);
        if (rnd.nextDouble() < 0.35) {
            Shape frame = new Rectangle2D.Double(-0.25, -0.2, 1.2, 1.4);
            canvas.addMetal(new BasicStroke(0.07f).createStrokedShape(frame), tx, weight * 0.7f);
        }
    }

    private static Shape letter(boolean right) {
        Path2D.Double p = new Path2D.Double();
        if (!right) {
            p.moveTo(0.1, 0.0);
            p.lineTo(0.1, 1.0);
            p.lineTo(0.7, 1.0);
            return p;
        }
        p.moveTo(0.1, 1.0);
        p.lineTo(0.1, 0.0);
        p.lineTo(0.4, 0.0);
        p.append(new Arc2D.Double(0.15, 0.0, 0.5, 0.5, 90, -180, Arc2D.OPEN), true);
        p.lineTo(0.1, 0.5);
        p.moveTo(0.35, 0.5);
        p.lineTo(0.7, 1.0);
        return p;
    }
}
