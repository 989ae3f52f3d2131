package org.xray.datasets.synthetic;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** Chooses where an anomaly goes: a bone (or joint) that is large enough and well inside the image. */
final class AnomalyPlanner {

    private AnomalyPlanner() {
    }

    static AnomalyEffect plan(AnomalyKind kind, Skeleton skeleton, AffineTransform tx, int size, Random rnd) {
        return switch (kind) {
            case FRACTURE -> Fracture.plan(skeleton, tx, size, rnd);
            case HARDWARE -> Hardware.plan(skeleton, tx, size, rnd);
            case LYTIC_LESION -> LyticLesion.plan(skeleton, tx, size, rnd);
            case JOINT_SPACE_LOSS -> JointSpaceLoss.plan(skeleton, tx, size, rnd);
        };
    }

    /** Whether a layout point lands inside the image, at least {@code margin} (fraction of the size) from the edges. */
    static boolean visible(Point2D layoutPoint, AffineTransform tx, int size, double margin) {
        Point2D d = tx.transform(layoutPoint, null);
        double lo = margin * size;
        double hi = size - lo;
        return d.getX() >= lo && d.getX() <= hi && d.getY() >= lo && d.getY() <= hi;
    }

    /**
     * Long bones (tip-to-tip at least {@code minAspect} widths) whose middle is visible; falls back to any visible
     * bone, then to every bone, so a plan always exists.
     */
    static List<Integer> longBones(Skeleton s, AffineTransform tx, int size, double minAspect) {
        List<Integer> result = select(s, i -> {
            Bone b = s.bones.get(i);
            double tipToTip = b.length() + b.endRadius(false) + b.endRadius(true);
            return b.tubular() && tipToTip >= minAspect * b.width() && visible(b.center(0.5), tx, size, 0.15);
        });
        if (result.isEmpty()) {
            result = select(s, i -> visible(s.bones.get(i).center(0.5), tx, size, 0.05));
        }
        return result.isEmpty() ? select(s, i -> true) : result;
    }

    private static List<Integer> select(Skeleton s, Predicate<Integer> test) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < s.bones.size(); i++) {
            if (test.test(i)) {
                result.add(i);
            }
        }
        return result;
    }

    /** An axis position in [lo, hi] whose point is visible; the range midpoint if none of a few tries is. */
    static double visibleT(Bone b, AffineTransform tx, int size, double lo, double hi, Random rnd) {
        for (int attempt = 0; attempt < 12; attempt++) {
            double t = Rnd.uniform(rnd, lo, hi);
            if (visible(b.center(t), tx, size, 0.12)) {
                return t;
            }
        }
        return (lo + hi) / 2;
    }
}
