package org.xray.datasets.synthetic;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;

/**
 * One bone in layout units (the unit square before the pose): an axis from a to b, bowed sideways by
 * {@code bow * length}, a shaft of {@code width} that flares towards rounded ends (factor {@code 1 + flare}), so a
 * long bone reads as a tube with metaphyses and a short one (carpal) as a rounded blob.
 *
 * @param density  attenuation of the full bone thickness, before the cortical rim is added
 * @param tubular  whether the bone has a medullary cavity (long bones) or is cancellous throughout
 */
record Bone(double ax, double ay, double bx, double by, double width, double flareA, double flareB, double bow,
            double density, boolean tubular) {

    private static final int SAMPLES = 24;
    private static final int CAP_SAMPLES = 10;

    double length() {
        return Math.hypot(bx - ax, by - ay);
    }

    double dirX() {
        return (bx - ax) / length();
    }

    double dirY() {
        return (by - ay) / length();
    }

    /** The unit normal, 90 degrees clockwise in image coordinates (y down) from the axis direction. */
    double normalX() {
        return -dirY();
    }

    double normalY() {
        return dirX();
    }

    /** Half-width of the bone at axis position t in [0, 1]. */
    double radiusAt(double t) {
        return width / 2 * (1 + flareA * bump(t / 0.25) + flareB * bump((1 - t) / 0.25));
    }

    double endRadius(boolean atB) {
        return radiusAt(atB ? 1 : 0);
    }

    /** The axis point at t, displaced sideways by the bow. */
    Point2D.Double center(double t) {
        double bowOffset = bow * length() * Math.sin(Math.PI * t);
        return new Point2D.Double(ax + (bx - ax) * t + normalX() * bowOffset, ay + (by - ay) * t + normalY() * bowOffset);
    }

    Point2D.Double end(boolean atB) {
        return center(atB ? 1 : 0);
    }

    /** The outer contour: both flanks plus semicircular caps. */
    Path2D.Double outline() {
        return contour(0, 1, this::radiusAt, true);
    }

    /** The medullary cavity of a tubular bone: a narrower spindle over the shaft. */
    Path2D.Double cavity() {
        double t0 = 0.14;
        double t1 = 0.86;
        return contour(t0, t1, t -> width / 2 * 0.55 * Math.pow(Math.sin(Math.PI * (t - t0) / (t1 - t0)), 0.35), false);
    }

    /**
     * A point on an end cap, offset {@code lateral} along the normal: where a neighbouring bone's joint surface
     * faces this one.
     */
    Point2D.Double surfacePoint(boolean atB, double lateral) {
        double r = endRadius(atB);
        double sin = Math.max(-0.95, Math.min(0.95, lateral / r));
        double cos = Math.sqrt(1 - sin * sin);
        double out = atB ? 1 : -1;
        Point2D.Double c = end(atB);
        return new Point2D.Double(c.x + r * (cos * out * dirX() + sin * normalX()),
                c.y + r * (cos * out * dirY() + sin * normalY()));
    }

    /** The cap point nearest to {@code toward}, seen from the end's centre. */
    Point2D.Double nearestSurfacePoint(boolean atB, Point2D toward) {
        Point2D.Double c = end(atB);
        double dx = toward.getX() - c.x;
        double dy = toward.getY() - c.y;
        double d = Math.max(1e-9, Math.hypot(dx, dy));
        double r = endRadius(atB);
        return new Point2D.Double(c.x + dx / d * r, c.y + dy / d * r);
    }

    /** The same bone with end a (or b) moved by (dx, dy). */
    Bone withEndMoved(boolean atB, double dx, double dy) {
        return atB ? new Bone(ax, ay, bx + dx, by + dy, width, flareA, flareB, bow, density, tubular)
                : new Bone(ax + dx, ay + dy, bx, by, width, flareA, flareB, bow, density, tubular);
    }

    Bone withBow(double newBow) {
        return new Bone(ax, ay, bx, by, width, flareA, flareB, newBow, density, tubular);
    }

    private Path2D.Double contour(double t0, double t1, java.util.function.DoubleUnaryOperator radius, boolean caps) {
        Path2D.Double path = new Path2D.Double();
        double dx = dirX();
        double dy = dirY();
        double nx = normalX();
        double ny = normalY();
        for (int i = 0; i <= SAMPLES; i++) {
            double t = t0 + (t1 - t0) * i / SAMPLES;
            Point2D.Double c = center(t);
            double r = radius.applyAsDouble(t);
            if (i == 0) {
                path.moveTo(c.x + nx * r, c.y + ny * r);
            } else {
                path.lineTo(c.x + nx * r, c.y + ny * r);
            }
        }
        if (caps) {
            cap(path, center(t1), radius.applyAsDouble(t1), dx, dy, nx, ny);
        }
        for (int i = SAMPLES; i >= 0; i--) {
            double t = t0 + (t1 - t0) * i / SAMPLES;
            Point2D.Double c = center(t);
            double r = radius.applyAsDouble(t);
            path.lineTo(c.x - nx * r, c.y - ny * r);
        }
        if (caps) {
            cap(path, center(t0), radius.applyAsDouble(t0), -dx, -dy, -nx, -ny);
        }
        path.closePath();
        return path;
    }

    /** A semicircle from +normal through the tip (along dir) to -normal. */
    private static void cap(Path2D.Double path, Point2D.Double c, double r, double dx, double dy, double nx, double ny) {
        for (int k = 1; k < CAP_SAMPLES; k++) {
            double phi = Math.PI / 2 - Math.PI * k / CAP_SAMPLES;
            path.lineTo(c.x + r * (Math.cos(phi) * dx + Math.sin(phi) * nx), c.y + r * (Math.cos(phi) * dy + Math.sin(phi) * ny));
        }
    }

    private static double bump(double u) {
        return u >= 1 ? 0 : (1 - u) * (1 - u);
    }
}
