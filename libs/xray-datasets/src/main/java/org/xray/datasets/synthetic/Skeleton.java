package org.xray.datasets.synthetic;

import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The anatomy of one image in layout units: bones, the joints between them, flat bones and the soft-tissue
 * silhouette. Built by {@link AnatomyLayouts}; anomalies may replace a bone (e.g. close a joint).
 */
final class Skeleton {

    final List<Bone> bones = new ArrayList<>();
    final List<Joint> joints = new ArrayList<>();
    final List<FlatBone> flatBones = new ArrayList<>();
    /** Filled soft-tissue shapes; each bone also gets a capsule {@link #tissueWidthFactor} times its width. */
    final List<Shape> tissue = new ArrayList<>();
    final double tissueDensity;
    final double tissueWidthFactor;

    Skeleton(double tissueDensity, double tissueWidthFactor) {
        this.tissueDensity = tissueDensity;
        this.tissueWidthFactor = tissueWidthFactor;
    }

    /** Adds a bone whose a-end tip lies at (x, y), pointing at angleDeg (0 = up, positive = clockwise). */
    int free(double x, double y, double angleDeg, double len, double w, double flareA, double flareB) {
        double dx = Math.sin(Math.toRadians(angleDeg));
        double dy = -Math.cos(Math.toRadians(angleDeg));
        double ra = w / 2 * (1 + flareA);
        double rb = w / 2 * (1 + flareB);
        double axis = Math.max(len - ra - rb, 0.2 * len);
        double ax = x + dx * ra;
        double ay = y + dy * ra;
        // Thicker bones attenuate more: projected thickness grows with diameter.
        double density = 0.55 + 3.0 * w;
        bones.add(new Bone(ax, ay, ax + dx * axis, ay + dy * axis, w, flareA, flareB, 0, density, len > 2.2 * w));
        return bones.size() - 1;
    }

    /**
     * Adds a bone that articulates with {@code parent}'s end (b when {@code atB}) at a point {@code lateral} off its
     * axis, separated by a joint space of {@code gap}, and records the joint.
     */
    int attach(int parent, boolean atB, double lateral, double angleDeg, double len, double w, double flareA,
               double flareB, double gap) {
        Point2D.Double contact = bones.get(parent).surfacePoint(atB, lateral);
        double dx = Math.sin(Math.toRadians(angleDeg));
        double dy = -Math.cos(Math.toRadians(angleDeg));
        int index = free(contact.x + dx * gap, contact.y + dy * gap, angleDeg, len, w, flareA, flareB);
        joints.add(new Joint(parent, index, false, contact, gap));
        return index;
    }

    /** The direction of a bone in degrees, the convention of {@link #free}. */
    double angle(int bone) {
        Bone b = bones.get(bone);
        return Math.toDegrees(Math.atan2(b.dirX(), -b.dirY()));
    }

    void bow(int bone, double bow) {
        bones.set(bone, bones.get(bone).withBow(bow));
    }

    /** Adds the convex hull of the given bones' outlines, widened by {@code margin}, as soft tissue. */
    void tissueHull(double margin, int... boneIndices) {
        List<Point2D.Double> points = new ArrayList<>();
        for (int index : boneIndices) {
            Bone bone = bones.get(index);
            PathIterator it = bone.outline().getPathIterator(null);
            double[] c = new double[6];
            while (!it.isDone()) {
                if (it.currentSegment(c) != PathIterator.SEG_CLOSE) {
                    points.add(new Point2D.Double(c[0], c[1]));
                }
                it.next();
            }
        }
        List<Point2D.Double> hull = convexHull(points);
        Point2D.Double centroid = new Point2D.Double();
        for (Point2D.Double p : hull) {
            centroid.x += p.x / hull.size();
            centroid.y += p.y / hull.size();
        }
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < hull.size(); i++) {
            Point2D.Double p = hull.get(i);
            double d = Math.max(1e-9, p.distance(centroid));
            double x = p.x + (p.x - centroid.x) / d * margin;
            double y = p.y + (p.y - centroid.y) / d * margin;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        tissue.add(path);
    }

    private static List<Point2D.Double> convexHull(List<Point2D.Double> input) {
        List<Point2D.Double> pts = new ArrayList<>(input);
        pts.sort(Comparator.<Point2D.Double>comparingDouble(p -> p.x).thenComparingDouble(p -> p.y));
        List<Point2D.Double> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (Point2D.Double p : pts) {
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
                    hull.remove(hull.size() - 1);
                }
                hull.add(p);
            }
            hull.remove(hull.size() - 1);
            java.util.Collections.reverse(pts);
        }
        return hull;
    }

    private static double cross(Point2D.Double o, Point2D.Double a, Point2D.Double b) {
        return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    }
}
