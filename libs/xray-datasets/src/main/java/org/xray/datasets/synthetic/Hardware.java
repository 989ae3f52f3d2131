package org.xray.datasets.synthetic;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.Random;

/**
 * Orthopaedic hardware: a metal plate along a long bone with screws, seen either face-on (plate over the bone, screw
 * heads as rings) or from the side (plate along the cortex, screw shafts crossing the bone). Metal is far denser than
 * bone, so it saturates towards white.
 */
final class Hardware implements AnomalyEffect {

    private static final float PLATE = 2.4f;
    private static final float SCREW = 1.8f;

    private final int boneIndex;
    private final double t0;
    private final double t1;
    private final boolean faceOn;
    private final double offset;
    private final double plateWidth;
    private final int screws;
    private final double minLine;

    private Hardware(int boneIndex, double t0, double t1, boolean faceOn, double offset, double plateWidth, int screws,
                     double minLine) {
        this.boneIndex = boneIndex;
        this.t0 = t0;
        this.t1 = t1;
        this.faceOn = faceOn;
        this.offset = offset;
        this.plateWidth = plateWidth;
        this.screws = screws;
        this.minLine = minLine;
    }

    static Hardware plan(Skeleton s, AffineTransform tx, int size, Random rnd) {
        int index = Rnd.weighted(rnd, AnomalyPlanner.longBones(s, tx, size, 3.0),
                i -> s.bones.get(i).width() * s.bones.get(i).length());
        Bone b = s.bones.get(index);
        double span = Rnd.uniform(rnd, 0.35, 0.6);
        double centre = AnomalyPlanner.visibleT(b, tx, size, 0.35, 0.65, rnd);
        double upp = RadiographCanvas.unitsPerPixel(tx);
        double plateWidth = Math.min(0.07, Math.max(Rnd.uniform(rnd, 0.4, 0.55) * b.width(), 2.5 * upp));
        boolean faceOn = rnd.nextBoolean();
        double offset = faceOn ? Rnd.around(rnd, 0, 0.12) * b.width()
                : Rnd.sign(rnd) * (b.width() / 2 + plateWidth * 0.25);
        return new Hardware(index, Math.max(0.1, centre - span / 2), Math.min(0.9, centre + span / 2), faceOn, offset,
                plateWidth, 3 + rnd.nextInt(4), 1.2 * upp);
    }

    @Override
    public void paint(RadiographCanvas canvas, Skeleton skeleton, AffineTransform tx) {
        Bone b = skeleton.bones.get(boneIndex);
        double nx = b.normalX();
        double ny = b.normalY();
        Path2D.Double axis = new Path2D.Double();
        for (int i = 0; i <= 12; i++) {
            Point2D.Double c = b.center(t0 + (t1 - t0) * i / 12);
            if (i == 0) {
                axis.moveTo(c.x + nx * offset, c.y + ny * offset);
            } else {
                axis.lineTo(c.x + nx * offset, c.y + ny * offset);
            }
        }
        Shape plate = new BasicStroke((float) plateWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                .createStrokedShape(axis);
        canvas.addMetal(plate, tx, PLATE);
        canvas.markAnomaly(plate, tx);
        for (int i = 0; i < screws; i++) {
            double t = t0 + (t1 - t0) * (i + 0.5) / screws;
            Point2D.Double c = b.center(t);
            double px = c.x + nx * offset;
            double py = c.y + ny * offset;
            if (faceOn) {
                double r = plateWidth * 0.42;
                canvas.addMetal(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r), tx, SCREW);
                double hole = Math.max(r * 0.4, minLine / 2);
                canvas.addMetal(new Ellipse2D.Double(px - hole, py - hole, 2 * hole, 2 * hole), tx, -SCREW * 0.6f);
            } else {
                double far = -Math.signum(offset) * b.radiusAt(t) * 1.1;
                Shape shaft = new BasicStroke((float) Math.max(plateWidth * 0.35, minLine), BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER).createStrokedShape(new Line2D.Double(px, py, c.x + nx * far, c.y + ny * far));
                canvas.addMetal(shaft, tx, SCREW);
                canvas.markAnomaly(shaft, tx);
            }
        }
    }
}
