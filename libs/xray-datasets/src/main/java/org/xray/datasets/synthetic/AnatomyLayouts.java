package org.xray.datasets.synthetic;

import static org.xray.datasets.synthetic.Rnd.around;
import static org.xray.datasets.synthetic.Rnd.jitter;
import static org.xray.datasets.synthetic.Rnd.uniform;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.Random;
import org.xray.contracts.BodyPart;

/**
 * Per-body-part skeletons in layout units (unit square, y down), with randomised proportions and joint angles.
 * Each layout follows the usual MURA projection of that study type (mostly PA/AP views, distal end up).
 */
final class AnatomyLayouts {

    private AnatomyLayouts() {
    }

    static Skeleton build(BodyPart part, Random rnd) {
        return switch (part) {
            case XR_HAND -> hand(rnd);
            case XR_FINGER -> finger(rnd);
            case XR_WRIST -> wrist(rnd);
            case XR_FOREARM -> forearm(rnd);
            case XR_ELBOW -> elbow(rnd);
            case XR_HUMERUS -> humerus(rnd);
            case XR_SHOULDER -> shoulder(rnd);
            case UNKNOWN -> throw new IllegalArgumentException("no synthetic anatomy for body part UNKNOWN");
        };
    }

    /** PA hand: radius/ulna ends, two carpal rows, five metacarpals fanning out, phalanges (thumb has two). */
    private static Skeleton hand(Random rnd) {
        Skeleton s = new Skeleton(jitter(rnd, 0.30, 0.15), 2.0);
        double k = jitter(rnd, 1.05, 0.06);
        double y0 = 1.14;
        int radius = s.free(0.585, y0, around(rnd, 0, 3), 0.36 * k, 0.085 * k, 0.0, 0.45);
        int ulna = s.free(0.465, y0, around(rnd, -2, 3), 0.335 * k, 0.055 * k, 0.0, 0.3);
        double gap = 0.011 * k;
        int scaphoid = s.attach(radius, true, 0.03 * k, around(rnd, 15, 6), 0.06 * k, 0.045 * k, 0.15, 0.15, gap);
        int lunate = s.attach(radius, true, -0.028 * k, around(rnd, -3, 5), 0.05 * k, 0.046 * k, 0.1, 0.1, gap);
        int triquetrum = s.attach(ulna, true, 0.0, around(rnd, -10, 5), 0.045 * k, 0.042 * k, 0.1, 0.1, 0.02 * k);
        int trapezium = s.attach(scaphoid, true, 0.012 * k, around(rnd, 35, 6), 0.045 * k, 0.04 * k, 0.1, 0.1, gap);
        int capitate = s.attach(lunate, true, 0.006 * k, around(rnd, 0, 4), 0.065 * k, 0.045 * k, 0.1, 0.1, gap);
        int hamate = s.attach(triquetrum, true, 0.0, around(rnd, -5, 4), 0.055 * k, 0.045 * k, 0.1, 0.1, gap);
        double spread = jitter(rnd, 1.0, 0.35);
        int thumb = s.attach(trapezium, true, 0, around(rnd, 42, 8), 0.13 * k, 0.036 * k, 0.3, 0.35, gap);
        int t1 = s.attach(thumb, true, 0, s.angle(thumb) + around(rnd, 4, 8), 0.095 * k, 0.03 * k, 0.3, 0.3, gap);
        s.attach(t1, true, 0, s.angle(t1) + around(rnd, 3, 10), 0.07 * k, 0.027 * k, 0.3, 0.15, gap);
        int[] mcs = {
            handFinger(s, rnd, capitate, 0.026 * k, 9 * spread, 1.0, k),
            handFinger(s, rnd, capitate, -0.012 * k, 1 * spread, 1.06, k),
            handFinger(s, rnd, hamate, 0.014 * k, -8 * spread, 1.0, k),
            handFinger(s, rnd, hamate, -0.02 * k, -17 * spread, 0.86, k)};
        s.tissueHull(0.035 * k, radius, ulna, scaphoid, lunate, triquetrum, trapezium, capitate, hamate, thumb,
                mcs[0], mcs[1], mcs[2], mcs[3]);
        return s;
    }

    private static int handFinger(Skeleton s, Random rnd, int base, double lateral, double angle, double ls, double k) {
        double gap = 0.011 * k;
        int mc = s.attach(base, true, lateral, around(rnd, angle, 3), 0.19 * k * ls, 0.034 * k, 0.3, 0.45, gap);
        double flex = around(rnd, 0, 4);
        int p1 = s.attach(mc, true, 0, s.angle(mc) + flex, 0.11 * k * ls, 0.029 * k, 0.3, 0.3, gap);
        int p2 = s.attach(p1, true, 0, s.angle(p1) + around(rnd, 0, 4), 0.07 * k * ls, 0.025 * k, 0.3, 0.25, gap);
        s.attach(p2, true, 0, s.angle(p2) + around(rnd, 0, 4), 0.052 * k * ls, 0.022 * k, 0.3, 0.1, gap);
        return mc;
    }

    /** One finger, zoomed: metacarpal head, three phalanges with visible joint spaces, sometimes a neighbour. */
    private static Skeleton finger(Random rnd) {
        Skeleton s = new Skeleton(jitter(rnd, 0.28, 0.15), 1.9);
        double k = jitter(rnd, 1.0, 0.08);
        fingerChain(s, rnd, around(rnd, 0.5, 0.04), k, around(rnd, 0, 6));
        if (rnd.nextDouble() < 0.55) {
            double side = Rnd.sign(rnd);
            fingerChain(s, rnd, 0.5 + side * uniform(rnd, 0.27, 0.34), k * 0.9, around(rnd, 0, 6) + side * 6);
        }
        return s;
    }

    private static void fingerChain(Skeleton s, Random rnd, double x, double k, double angle) {
        double gap = 0.03 * k;
        int mc = s.free(x, 1.28, angle, 0.42 * k, 0.11 * k, 0.0, 0.35);
        int p1 = s.attach(mc, true, 0, angle + around(rnd, 0, 8), 0.34 * k, 0.10 * k, 0.25, 0.25, gap);
        int p2 = s.attach(p1, true, 0, s.angle(p1) + around(rnd, 4, 10), 0.23 * k, 0.085 * k, 0.25, 0.25, gap * 0.9);
        s.attach(p2, true, 0, s.angle(p2) + around(rnd, 3, 8), 0.16 * k, 0.075 * k, 0.25, 0.15, gap * 0.8);
    }

    /** PA wrist: distal radius and ulna, eight carpals in two rows, metacarpal bases. */
    private static Skeleton wrist(Random rnd) {
        Skeleton s = new Skeleton(jitter(rnd, 0.32, 0.15), 2.0);
        double k = jitter(rnd, 1.0, 0.07);
        double gap = 0.022 * k;
        int radius = s.free(0.60, 1.32, around(rnd, 0, 3), 0.60 * k, 0.15 * k, 0, 0.5);
        int ulna = s.free(0.38, 1.32, around(rnd, -2, 3), 0.56 * k, 0.095 * k, 0, 0.3);
        int scaphoid = s.attach(radius, true, 0.045 * k, around(rnd, 20, 6), 0.11 * k, 0.075 * k, 0.15, 0.15, gap);
        int lunate = s.attach(radius, true, -0.05 * k, around(rnd, -5, 5), 0.09 * k, 0.08 * k, 0.1, 0.1, gap);
        int triquetrum = s.attach(ulna, true, 0.01 * k, around(rnd, -10, 5), 0.08 * k, 0.07 * k, 0.1, 0.1, 0.04 * k);
        int trapezium = s.attach(scaphoid, true, 0.02 * k, around(rnd, 35, 6), 0.08 * k, 0.07 * k, 0.1, 0.1, gap);
        int trapezoid = s.attach(scaphoid, true, -0.03 * k, around(rnd, 10, 5), 0.07 * k, 0.06 * k, 0.1, 0.1, gap);
        int capitate = s.attach(lunate, true, 0, around(rnd, 0, 4), 0.11 * k, 0.075 * k, 0.1, 0.1, gap);
        int hamate = s.attach(triquetrum, true, 0, around(rnd, -8, 4), 0.095 * k, 0.075 * k, 0.1, 0.1, gap);
        int m1 = s.attach(trapezium, true, 0, around(rnd, 40, 6), 0.32 * k, 0.06 * k, 0.35, 0.2, gap);
        int m2 = s.attach(trapezoid, true, 0, around(rnd, 9, 4), 0.46 * k, 0.062 * k, 0.35, 0.2, gap);
        int m3 = s.attach(capitate, true, 0, around(rnd, 0, 4), 0.48 * k, 0.062 * k, 0.35, 0.2, gap);
        int m4 = s.attach(hamate, true, 0.02 * k, around(rnd, -8, 4), 0.44 * k, 0.058 * k, 0.35, 0.2, gap);
        int m5 = s.attach(hamate, true, -0.03 * k, around(rnd, -17, 4), 0.40 * k, 0.056 * k, 0.35, 0.2, gap);
        s.tissueHull(0.05 * k, radius, ulna, scaphoid, lunate, triquetrum, trapezium, trapezoid, capitate, hamate,
                m1, m2, m3, m4, m5);
        return s;
    }

    /** AP forearm: radius (bowed) and ulna full length, carpals at the top, the humeral condyles at the bottom. */
    private static Skeleton forearm(Random rnd) {
        Skeleton s = new Skeleton(jitter(rnd, 0.34, 0.15), 2.6);
        double k = jitter(rnd, 1.0, 0.06);
        int radius = s.free(0.585, 0.09, around(rnd, 180, 3), 0.84 * k, 0.085 * k, 0.6, 0.25);
        int ulna = s.free(0.415, 0.12, around(rnd, 180, 3), 0.86 * k, 0.07 * k, 0.25, 0.6);
        s.bow(radius, around(rnd, -0.03, 0.01));
        s.bow(ulna, around(rnd, 0.01, 0.008));
        double gap = 0.022 * k;
        int c1 = s.attach(radius, false, -0.03 * k, around(rnd, 5, 5), 0.07 * k, 0.065 * k, 0.1, 0.1, gap);
        int c2 = s.attach(radius, false, 0.035 * k, around(rnd, -5, 5), 0.065 * k, 0.065 * k, 0.1, 0.1, gap);
        int c3 = s.attach(ulna, false, 0, around(rnd, -5, 5), 0.06 * k, 0.06 * k, 0.1, 0.1, 0.035 * k);
        int humerus = s.attach(ulna, true, -0.02 * k, around(rnd, 180, 4), 0.5 * k, 0.13 * k, 0.8, 0, gap);
        s.tissueHull(0.05 * k, radius, ulna, c1, c2, c3, humerus);
        return s;
    }

    /** AP elbow: distal humerus with wide condyles, radial head and proximal ulna with joint spaces. */
    private static Skeleton elbow(Random rnd) {
        Skeleton s = new Skeleton(jitter(rnd, 0.36, 0.15), 2.4);
        double k = jitter(rnd, 1.0, 0.07);
        double gap = 0.03 * k;
        int humerus = s.free(0.50, -0.28, around(rnd, 180, 4), 0.80 * k, 0.13 * k, 0, 0.85);
        int ulna = s.attach(humerus, true, -0.04 * k, around(rnd, 182, 4), 0.62 * k, 0.095 * k, 0.6, 0, gap);
        int radius = s.attach(humerus, true, 0.075 * k, around(rnd, 174, 4), 0.60 * k, 0.08 * k, 0.45, 0.1, gap);
        s.tissueHull(0.06 * k, humerus, ulna, radius);
        return s;
    }

    /** AP humerus: the whole shaft, humeral head against the glenoid, condyles over radius and ulna. */
    private static Skeleton humerus(Random rnd) {
        Skeleton s = new Skeleton(jitter(rnd, 0.38, 0.15), 2.8);
        double k = jitter(rnd, 1.0, 0.05);
        int humerus = s.free(0.52, 0.1, around(rnd, 180, 3), 0.80 * k, 0.085 * k, 1.1, 0.8);
        s.bow(humerus, around(rnd, 0, 0.015));
        double gap = 0.025 * k;
        int glenoid = glenoid(s, humerus, false, around(rnd, -60, 6), gap, 0.12 * k, 0.035 * k);
        s.flatBones.add(new FlatBone(scapula(s.bones.get(glenoid), 0.9 * k), 0.35));
        int ulna = s.attach(humerus, true, -0.03 * k, around(rnd, 182, 4), 0.3 * k, 0.065 * k, 0.6, 0, gap);
        int radius = s.attach(humerus, true, 0.05 * k, around(rnd, 175, 4), 0.3 * k, 0.055 * k, 0.45, 0.1, gap);
        s.tissueHull(0.07 * k, humerus, ulna, radius);
        return s;
    }

    /** AP shoulder: humeral head against the glenoid, scapula outline, clavicle, acromion, faint ribs. */
    private static Skeleton shoulder(Random rnd) {
        Skeleton s = new Skeleton(jitter(rnd, 0.42, 0.15), 2.4);
        double k = jitter(rnd, 1.0, 0.06);
        int humerus = s.free(0.68, 1.30, around(rnd, -6, 5), 0.90 * k, 0.13 * k, 0, 1.05);
        double gap = 0.03 * k;
        int glenoid = glenoid(s, humerus, true, around(rnd, -72, 6), gap, 0.2 * k, 0.05 * k);
        Bone g = s.bones.get(glenoid);
        s.flatBones.add(new FlatBone(scapula(g, 1.3 * k), 0.32));
        Point2D.Double top = s.bones.get(humerus).end(true);
        double headR = s.bones.get(humerus).endRadius(true);
        s.free(g.bx() - 0.06 * k, top.y - headR - 0.05 * k, around(rnd, 97, 5), 0.26 * k, 0.05 * k, 0.2,
                0.3);
        s.free(around(rnd, -0.05, 0.03), top.y - headR - around(rnd, 0.10, 0.03) * k, around(rnd, 95, 4), 0.78 * k,
                0.055 * k, 0.3, 0.3);
        s.bow(s.bones.size() - 1, around(rnd, 0.04, 0.02));
        for (int i = 0; i < 4; i++) {
            int rib = s.free(-0.05, 0.32 + 0.17 * i + around(rnd, 0, 0.03), around(rnd, 108, 5), 0.45, 0.022, 0, 0);
            s.bones.set(rib, new Bone(s.bones.get(rib).ax(), s.bones.get(rib).ay(), s.bones.get(rib).bx(),
                    s.bones.get(rib).by(), 0.022, 0, 0, -0.12, 0.28, false));
        }
        Path2D.Double body = new Path2D.Double();
        body.moveTo(-0.3, -0.05);
        body.lineTo(0.55, -0.02);
        body.lineTo(0.85, 0.15);
        body.lineTo(0.96, 0.40);
        body.lineTo(0.94, 1.4);
        body.lineTo(-0.3, 1.4);
        body.closePath();
        s.tissue.add(body);
        return s;
    }

    /**
     * The glenoid: a short bone lying across the direction {@code angleDeg} from the humeral head's centre, its flank
     * facing the head across the joint space; the head is the joint's moving side.
     */
    private static int glenoid(Skeleton s, int humerus, boolean headAtB, double angleDeg, double gap, double len,
                               double w) {
        Bone h = s.bones.get(humerus);
        Point2D.Double c = h.end(headAtB);
        double ux = Math.sin(Math.toRadians(angleDeg));
        double uy = -Math.cos(Math.toRadians(angleDeg));
        double face = h.endRadius(headAtB) + gap;
        double mx = c.x + ux * (face + w / 2);
        double my = c.y + uy * (face + w / 2);
        // Axis perpendicular to u, centred on (mx, my): start half a length back along the axis.
        double ax = Math.sin(Math.toRadians(angleDeg + 90));
        double ay = -Math.cos(Math.toRadians(angleDeg + 90));
        int g = s.free(mx - ax * len / 2, my - ay * len / 2, angleDeg + 90, len, w, 0.2, 0.2);
        s.joints.add(new Joint(g, humerus, headAtB, new Point2D.Double(c.x + ux * face, c.y + uy * face), gap));
        return g;
    }

    /** A triangular scapula body extending medially (towards -x) from the glenoid. */
    private static Path2D.Double scapula(Bone glenoid, double k) {
        Point2D.Double g = glenoid.center(0.5);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(g.x, g.y - 0.06 * k);
        p.lineTo(g.x - 0.45 * k, g.y - 0.10 * k);
        p.lineTo(g.x - 0.38 * k, g.y + 0.55 * k);
        p.lineTo(g.x - 0.02 * k, g.y + 0.10 * k);
        p.closePath();
        return p;
    }
}
