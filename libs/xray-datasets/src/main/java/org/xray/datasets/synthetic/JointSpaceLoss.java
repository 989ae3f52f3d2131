package org.xray.datasets.synthetic;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Joint-space loss (as in osteoarthritis): the articulating bone end grows into the joint space until the gap is
 * narrowed or gone, dense subchondral sclerosis appears on both sides, often with osteophytes at the margins.
 */
final class JointSpaceLoss implements AnomalyEffect {

    private final Joint joint;
    private final double closure;
    private final float sclerosis;
    private final boolean osteophytes;

    private JointSpaceLoss(Joint joint, double closure, float sclerosis, boolean osteophytes) {
        this.joint = joint;
        this.closure = closure;
        this.sclerosis = sclerosis;
        this.osteophytes = osteophytes;
    }

    static AnomalyEffect plan(Skeleton s, AffineTransform tx, int size, Random rnd) {
        if (s.joints.isEmpty()) {
            return LyticLesion.plan(s, tx, size, rnd); // no joint in this layout: never happens for MURA parts
        }
        List<Joint> candidates = visibleJoints(s, tx, size, 0.12);
        if (candidates.isEmpty()) {
            candidates = visibleJoints(s, tx, size, 0.04);
        }
        if (candidates.isEmpty()) {
            candidates = List.of(nearestToCentre(s, tx, size));
        }
        // Large joints first: a narrowed gap between two finger phalanges is barely a pixel at 64 x 64.
        Joint joint = Rnd.weighted(rnd, candidates, j -> Math.pow(Math.min(s.bones.get(j.fixed()).width(),
                s.bones.get(j.moving()).width()), 2));
        return new JointSpaceLoss(joint, Rnd.uniform(rnd, 0.85, 1.15), (float) Rnd.uniform(rnd, 0.35, 0.7),
                rnd.nextDouble() < 0.7);
    }

    private static List<Joint> visibleJoints(Skeleton s, AffineTransform tx, int size, double margin) {
        List<Joint> result = new ArrayList<>();
        for (Joint j : s.joints) {
            if (AnomalyPlanner.visible(j.contact(), tx, size, margin)) {
                result.add(j);
            }
        }
        return result;
    }

    private static Joint nearestToCentre(Skeleton s, AffineTransform tx, int size) {
        Joint best = s.joints.get(0);
        double bestDistance = Double.MAX_VALUE;
        for (Joint j : s.joints) {
            Point2D d = tx.transform(j.contact(), null);
            double distance = d.distance(size / 2.0, size / 2.0);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = j;
            }
        }
        return best;
    }

    @Override
    public void paint(RadiographCanvas canvas, Skeleton skeleton, AffineTransform tx) {
        Bone fixed = skeleton.bones.get(joint.fixed());
        Bone moving = skeleton.bones.get(joint.moving());
        Point2D.Double contact = joint.contact();
        Point2D.Double mc = moving.end(joint.movingAtB());
        Point2D.Double near = moving.nearestSurfacePoint(joint.movingAtB(), contact);
        double vx = (contact.x - near.x) * closure;
        double vy = (contact.y - near.y) * closure;
        // Unit vector across the joint, from the moving bone's end centre towards the contact.
        double ux = contact.x - mc.x;
        double uy = contact.y - mc.y;
        double d = Math.max(1e-9, Math.hypot(ux, uy));
        ux /= d;
        uy /= d;
        // The articular end grows into the joint space (only beyond its own centre, so the shaft is untouched); where
        // it overlaps the old end the density rises, which reads as subchondral sclerosis.
        double r = moving.endRadius(joint.movingAtB());
        Shape grownEnd = new Ellipse2D.Double(mc.x + vx - r, mc.y + vy - r, 2 * r, 2 * r);
        canvas.addBone(grownEnd, tx, (float) (0.7 * moving.density()), halfPlane(mc, ux, uy, 4 * r));
        Point2D.Double tip = new Point2D.Double(near.x + vx, near.y + vy);
        double w = Math.min(fixed.width() * (1 + Math.max(fixed.flareA(), fixed.flareB())),
                moving.width() * (1 + (joint.movingAtB() ? moving.flareB() : moving.flareA())));
        float weight = (float) (sclerosis * Math.max(fixed.density(), moving.density()));
        canvas.addBone(band(contact.x + ux * 0.1 * w, contact.y + uy * 0.1 * w, ux, uy, w), tx, weight, fixed.outline());
        canvas.addBone(band(tip.x - ux * 0.1 * w, tip.y - uy * 0.1 * w, ux, uy, w), tx, weight, grownEnd);
        if (osteophytes) {
            for (int side = -1; side <= 1; side += 2) {
                canvas.addBone(spur(contact, ux, uy, w, side), tx, (float) (0.9 * fixed.density()));
            }
        }
        double m = 0.75 * w + joint.gap();
        canvas.markAnomaly(new Ellipse2D.Double(contact.x - m, contact.y - m, 2 * m, 2 * m), tx);
    }

    /** The half-plane beyond the line through {@code c} across u, on u's side, as a large square. */
    private static Shape halfPlane(Point2D.Double c, double ux, double uy, double big) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(c.x - uy * big, c.y + ux * big);
        p.lineTo(c.x + uy * big, c.y - ux * big);
        p.lineTo(c.x + uy * big + ux * big, c.y - ux * big + uy * big);
        p.lineTo(c.x - uy * big + ux * big, c.y + ux * big + uy * big);
        p.closePath();
        return p;
    }

    /** A flat ellipse across the joint: the sclerotic subchondral plate. */
    private static Shape band(double cx, double cy, double ux, double uy, double w) {
        Shape e = new Ellipse2D.Double(-0.5 * w, -0.15 * w, w, 0.3 * w);
        AffineTransform at = new AffineTransform();
        at.translate(cx, cy);
        at.rotate(Math.atan2(uy, ux) + Math.PI / 2);
        return at.createTransformedShape(e);
    }

    /** A small triangular spur pointing out of the joint margin. */
    private static Shape spur(Point2D.Double contact, double ux, double uy, double w, int side) {
        double px = -uy * side;
        double py = ux * side;
        double bx = contact.x + px * 0.42 * w;
        double by = contact.y + py * 0.42 * w;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(bx + ux * 0.12 * w, by + uy * 0.12 * w);
        p.lineTo(bx - ux * 0.12 * w, by - uy * 0.12 * w);
        p.lineTo(bx + px * 0.28 * w, by + py * 0.28 * w);
        p.closePath();
        return p;
    }
}
