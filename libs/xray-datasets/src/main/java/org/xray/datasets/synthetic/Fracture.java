package org.xray.datasets.synthetic;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.Random;

/**
 * A fracture: the bone is cut along a jagged, oblique line; one fragment is shifted sideways, angulated and
 * distracted or impacted, and both broken edges get a dark fracture line.
 */
final class Fracture implements AnomalyEffect {

    private final int boneIndex;
    private final double t;
    private final double obliquity;
    private final double[] jag;
    private final boolean moveB;
    private final double angulation;
    private final double shift;
    private final double along;
    private final double lineWidth;

    private Fracture(int boneIndex, double t, double obliquity, double[] jag, boolean moveB, double angulation,
                     double shift, double along, double lineWidth) {
        this.boneIndex = boneIndex;
        this.t = t;
        this.obliquity = obliquity;
        this.jag = jag;
        this.moveB = moveB;
        this.angulation = angulation;
        this.shift = shift;
        this.along = along;
        this.lineWidth = lineWidth;
    }

    static Fracture plan(Skeleton s, AffineTransform tx, int size, Random rnd) {
        int index = Rnd.weighted(rnd, AnomalyPlanner.longBones(s, tx, size, 3.0), i -> s.bones.get(i).width());
        Bone b = s.bones.get(index);
        double t = AnomalyPlanner.visibleT(b, tx, size, 0.3, 0.7, rnd);
        double w = b.width();
        double upp = RadiographCanvas.unitsPerPixel(tx);
        double[] jag = new double[7];
        for (int k = 0; k < jag.length; k++) {
            jag[k] = Rnd.around(rnd, 0, 0.12) * w;
        }
        // Displacement of at least ~3 px so the step in the cortex survives downsampling to 64 px.
        double shift = Rnd.sign(rnd) * Math.max(Rnd.uniform(rnd, 0.3, 0.6) * w, 3 * upp);
        return new Fracture(index, t, Math.toRadians(Rnd.around(rnd, 0, 35)), jag, rnd.nextBoolean(),
                Rnd.sign(rnd) * Math.toRadians(Rnd.uniform(rnd, 4, 14)), shift, Rnd.uniform(rnd, -0.15, 0.25) * w,
                Math.max(0.08 * w, 1.3 * upp));
    }

    @Override
    public boolean paintsBone(int index) {
        return index == boneIndex;
    }

    @Override
    public void paint(RadiographCanvas canvas, Skeleton skeleton, AffineTransform tx) {
        Bone b = skeleton.bones.get(boneIndex);
        Point2D.Double p = b.center(t);
        double dx = b.dirX();
        double dy = b.dirY();
        double lx = b.normalX() * Math.cos(obliquity) - b.normalY() * Math.sin(obliquity);
        double ly = b.normalX() * Math.sin(obliquity) + b.normalY() * Math.cos(obliquity);
        double h = b.radiusAt(t) * 1.6 / Math.cos(obliquity) + 0.02;
        Path2D.Double crack = new Path2D.Double();
        double[][] pts = new double[jag.length][];
        for (int k = 0; k < jag.length; k++) {
            double s = -h + 2 * h * k / (jag.length - 1);
            pts[k] = new double[] {p.x + lx * s + dx * jag[k], p.y + ly * s + dy * jag[k]};
            if (k == 0) {
                crack.moveTo(pts[k][0], pts[k][1]);
            } else {
                crack.lineTo(pts[k][0], pts[k][1]);
            }
        }
        double big = 3 * (b.length() + b.width());
        Shape sideA = side(pts, -dx * big, -dy * big);
        Shape sideB = side(pts, dx * big, dy * big);

        AffineTransform move = new AffineTransform();
        double away = moveB ? 1 : -1;
        move.translate(b.normalX() * shift + dx * along * away, b.normalY() * shift + dy * along * away);
        move.rotate(angulation, p.x, p.y);
        AffineTransform moved = new AffineTransform(tx);
        moved.concatenate(move);

        canvas.paintBone(b, tx, moveB ? sideA : sideB);
        canvas.paintBone(b, moved, moveB ? sideB : sideA);
        Shape line = new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER).createStrokedShape(crack);
        canvas.thinBone(line, tx, 0.8f, b.outline());
        canvas.thinBone(line, moved, 0.8f, b.outline());
        double r = b.radiusAt(t) * 1.7 + Math.abs(shift);
        canvas.markAnomaly(new Ellipse2D.Double(p.x - r, p.y - r, 2 * r, 2 * r), tx);
    }

    /** The polygon bounded by the crack and extending far towards one end of the bone. */
    private static Shape side(double[][] pts, double ox, double oy) {
        Path2D.Double poly = new Path2D.Double();
        poly.moveTo(pts[0][0], pts[0][1]);
        for (int k = 1; k < pts.length; k++) {
            poly.lineTo(pts[k][0], pts[k][1]);
        }
        double[] last = pts[pts.length - 1];
        poly.lineTo(last[0] + ox, last[1] + oy);
        poly.lineTo(pts[0][0] + ox, pts[0][1] + oy);
        poly.closePath();
        return poly;
    }
}
