package org.xray.datasets.synthetic;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lytic lesions: one to three rounded, slightly irregular lucent regions inside a bone (bone removed, not added),
 * some with a thin sclerotic rim. Sized against the bone width, with a floor in pixels so they survive 64 px.
 */
final class LyticLesion implements AnomalyEffect {

    private record Spot(double t, double lateral, double alongRadius, double acrossRadius, double[] wobble,
                        float depth, boolean rim) {
    }

    private final int boneIndex;
    private final List<Spot> spots;
    private final double rimWidth;

    private LyticLesion(int boneIndex, List<Spot> spots, double rimWidth) {
        this.boneIndex = boneIndex;
        this.spots = spots;
        this.rimWidth = rimWidth;
    }

    static LyticLesion plan(Skeleton s, AffineTransform tx, int size, Random rnd) {
        int index = Rnd.weighted(rnd, AnomalyPlanner.longBones(s, tx, size, 2.5),
                i -> s.bones.get(i).width() * s.bones.get(i).width());
        Bone b = s.bones.get(index);
        double upp = RadiographCanvas.unitsPerPixel(tx);
        int count = rnd.nextDouble() < 0.65 ? 1 : 2 + rnd.nextInt(2);
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double t = AnomalyPlanner.visibleT(b, tx, size, 0.2, 0.8, rnd);
            double r = b.radiusAt(t);
            double across = Math.max(r * Rnd.uniform(rnd, 0.55, 0.9), 2.5 * upp);
            double along = Math.max(r * Rnd.uniform(rnd, 0.8, 1.6), 3 * upp);
            double[] wobble = new double[14];
            for (int k = 0; k < wobble.length; k++) {
                wobble[k] = Rnd.around(rnd, 1, 0.12);
            }
            spots.add(new Spot(t, Rnd.around(rnd, 0, 0.2) * r, along, across, wobble,
                    (float) Rnd.uniform(rnd, 0.55, 0.85), rnd.nextBoolean()));
        }
        return new LyticLesion(index, spots, Math.max(0.07 * b.width(), upp));
    }

    @Override
    public void paint(RadiographCanvas canvas, Skeleton skeleton, AffineTransform tx) {
        Bone b = skeleton.bones.get(boneIndex);
        Shape outline = b.outline();
        for (Spot spot : spots) {
            Shape lesion = blob(b, spot);
            canvas.thinBone(lesion, tx, spot.depth(), outline);
            if (spot.rim()) {
                Shape rim = new BasicStroke((float) rimWidth).createStrokedShape(lesion);
                canvas.addBone(rim, tx, (float) (0.25 * b.density()), outline);
            }
            canvas.markAnomaly(lesion, tx, outline);
        }
    }

    private static Shape blob(Bone b, Spot spot) {
        Point2D.Double c = b.center(spot.t());
        double cx = c.x + b.normalX() * spot.lateral();
        double cy = c.y + b.normalY() * spot.lateral();
        Path2D.Double p = new Path2D.Double();
        int n = spot.wobble().length;
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / n;
            double along = Math.cos(a) * spot.alongRadius() * spot.wobble()[k];
            double across = Math.sin(a) * spot.acrossRadius() * spot.wobble()[k];
            double x = cx + b.dirX() * along + b.normalX() * across;
            double y = cy + b.dirY() * along + b.normalY() * across;
            if (k == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }
}
