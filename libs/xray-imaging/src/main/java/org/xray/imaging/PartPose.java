package org.xray.imaging;

import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Where the body part lies in the analysis view and which way it points, from the part mask's moments: the centroid,
 * the {@code up} direction (the long axis, towards the distal end) and the {@code right} direction (perpendicular,
 * mirrored when the part is the other side's limb), plus the upright bounding box in those axes. Mapping the view
 * through it gives the canonical image: long axis vertical, distal end up, one laterality.
 *
 * @param centerX,centerY    the mask's centroid in view pixels
 * @param upX,upY            unit vector from the centroid towards the distal end, in view pixels (y down)
 * @param rightX,rightY      unit vector that becomes the output's +x; {@code up x right} flips sign when mirrored
 * @param left,right,top,bottom the box in those axes: offsets from the centroid along right (left..right) and along
 *                           down = -up (top..bottom)
 * @param elongation         square root of the moments' eigenvalue ratio: 1 for a disc, large for a long bone
 * @param mirrored           whether the right vector was flipped to reach the canonical laterality
 * @param flipped            whether up was reversed from the smaller turn because the proximal end leaves the field
 */
record PartPose(double centerX, double centerY, double upX, double upY, double rightX, double rightY,
                double left, double right, double top, double bottom, double elongation, boolean mirrored,
                boolean flipped) {

    /** The tilt of the part from vertical in degrees, positive clockwise on screen; in (-180, 180]. */
    double angleDegrees() {
        return Math.toDegrees(Math.atan2(upX, -upY));
    }

    /** The same pose in a view {@code factor} times as large (pixel centres: i becomes (i + 0.5) factor - 0.5). */
    PartPose scaled(double factor) {
        double shift = (factor - 1) / 2;
        return new PartPose(centerX * factor + shift, centerY * factor + shift, upX, upY, rightX, rightY, left * factor,
                right * factor, top * factor, bottom * factor, elongation, mirrored, flipped);
    }

    double width() {
        return right - left;
    }

    double height() {
        return bottom - top;
    }

    /**
     * Estimates the pose of the part in {@code mask} (255 on the part, view size).
     *
     * @param levels     the view's levels, for the laterality cue
     * @param field      the exposed field, whose edges a limb runs off
     * @param framing    the part's settings: whether to turn, flip and mirror
     * @param laterality the side from the image's metadata when it has one
     */
    static PartPose of(byte[] mask, byte[] levels, int width, Rect field, PartFraming framing,
                       Laterality laterality) {
        double n = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < mask.length / width; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] != 0) {
                    n++;
                    sumX += x;
                    sumY += y;
                }
            }
        }
        double cx = sumX / n;
        double cy = sumY / n;
        double[] moments = framing.axis() == PartAxis.BONE ? boneMoments(mask, levels, width)
                .orElseGet(() -> outlineMoments(mask, width, cx, cy)) : outlineMoments(mask, width, cx, cy);
        double xx = moments[0];
        double yy = moments[1];
        double xy = moments[2];
        double spread = Math.sqrt((xx - yy) * (xx - yy) + 4 * xy * xy);
        double major = (xx + yy + spread) / 2;
        double minor = Math.max(1e-9, (xx + yy - spread) / 2);
        double elongation = Math.sqrt(major / minor);
        double ux = 0;
        double uy = -1;
        if (framing.turn() && elongation >= framing.minElongation()) {
            double theta = 0.5 * Math.atan2(2 * xy, xx - yy);
            ux = Math.cos(theta);
            uy = Math.sin(theta);
            if (uy > 0 || (uy == 0 && ux < 0)) {
                ux = -ux;
                uy = -uy;
            }
        }
        boolean flipped = false;
        if (framing.turn() && framing.proximalEndLeavesField() && proximalEndIsUp(mask, width, field, cx, cy, ux, uy)) {
            ux = -ux;
            uy = -uy;
            flipped = true;
        }
        // right = up turned 90 degrees clockwise on screen (y down): (x, y) -> (-y, x).
        double rx = -uy;
        double ry = ux;
        boolean mirrored = mirrorNeeded(mask, levels, width, cx, cy, rx, ry, framing, laterality);
        if (mirrored) {
            rx = -rx;
            ry = -ry;
        }
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (int y = 0; y < mask.length / width; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] != 0) {
                    double s = (x - cx) * rx + (y - cy) * ry;
                    double t = -((x - cx) * ux + (y - cy) * uy);
                    left = Math.min(left, s);
                    right = Math.max(right, s);
                    top = Math.min(top, t);
                    bottom = Math.max(bottom, t);
                }
            }
        }
        // Pixels are squares around their centres: the part reaches half a pixel beyond the outermost centres.
        return new PartPose(cx, cy, ux, uy, rx, ry, left - 0.5, right + 0.5, top - 0.5, bottom + 0.5, elongation,
                mirrored, flipped);
    }

    /** Second central moments (xx, yy, xy) of the part's pixels. */
    private static double[] outlineMoments(byte[] mask, int width, double cx, double cy) {
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                double dx = i % width - cx;
                double dy = i / width - cy;
                xx += dx * dx;
                yy += dy * dy;
                xy += dx * dy;
            }
        }
        return new double[] {xx, yy, xy};
    }

    /**
     * Second central moments of the part's levels above its median: the bones, where the soft tissue's outline
     * would be swung by a flat bone or a fan of fingers. Empty when no level is above the median (a part of one or
     * two levels has no bones to tell).
     */
    private static Optional<double[]> boneMoments(byte[] mask, byte[] levels, int width) {
        int[] histogram = new int[256];
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                histogram[levels[i] & 0xFF]++;
                n++;
            }
        }
        int median = 0;
        for (int seen = histogram[0]; seen < n / 2; seen += histogram[++median]) {
            // walks up to the median level
        }
        double total = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < mask.length; i++) {
            int weight = (levels[i] & 0xFF) - median;
            if (mask[i] != 0 && weight > 0) {
                double x = i % width;
                double y = i / width;
                total += weight;
                sx += weight * x;
                sy += weight * y;
                sxx += weight * x * x;
                syy += weight * y * y;
                sxy += weight * x * y;
            }
        }
        if (total == 0) {
            return Optional.empty();
        }
        double mx = sx / total;
        double my = sy / total;
        return Optional.of(new double[] {sxx / total - mx * mx, syy / total - my * my, sxy / total - mx * my});
    }

    /**
     * A limb enters the radiograph from its proximal side: when the part touches the field's edge clearly more at
     * its upper end than at its lower end, it lies upside down.
     */
    private static boolean proximalEndIsUp(byte[] mask, int width, Rect field, double cx, double cy, double ux,
                                           double uy) {
        int up = 0;
        int down = 0;
        int x0 = field.x();
        int y0 = field.y();
        int x1 = field.x() + field.width() - 1;
        int y1 = field.y() + field.height() - 1;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x += (y == y0 || y == y1) ? 1 : Math.max(1, x1 - x0)) {
                if (mask[y * width + x] != 0) {
                    if ((x - cx) * ux + (y - cy) * uy > 0) {
                        up++;
                    } else {
                        down++;
                    }
                }
            }
        }
        return up > 2 * down && up >= 3;
    }

    /**
     * Whether the part is the other side's. The image's metadata decides when it names a side; otherwise the part's
     * cue does, against the sign it has on a left part; with no cue the part is left as it is.
     */
    private static boolean mirrorNeeded(byte[] mask, byte[] levels, int width, double cx, double cy, double rx,
                                        double ry, PartFraming framing, Laterality laterality) {
        if (laterality != Laterality.UNKNOWN) {
            return laterality == Laterality.RIGHT;
        }
        double cue = switch (framing.cue()) {
            case OUTLINE -> outlineSkew(mask, width, cx, cy, rx, ry);
            case DENSE_BONE -> denseBoneOffset(mask, levels, width, cx, cy, rx, ry);
            case NONE -> 0;
        };
        return Double.isFinite(cue) && cue != 0 && Math.signum(cue) != framing.leftCueSign();
    }

    /** Skewness of the part's pixels across the long axis. */
    static double outlineSkew(byte[] mask, int width, double cx, double cy, double rx, double ry) {
        double n = 0;
        double second = 0;
        double third = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                double s = (i % width - cx) * rx + (i / width - cy) * ry;
                n++;
                second += s * s;
                third += s * s * s;
            }
        }
        return third / n / Math.pow(Math.max(second / n, 1e-9), 1.5);
    }

    /**
     * How far across the long axis the part's brightest quarter lies from the centroid, in the part's own
     * deviations: the denser bone's side.
     */
    static double denseBoneOffset(byte[] mask, byte[] levels, int width, double cx, double cy, double rx,
                                  double ry) {
        int[] histogram = new int[256];
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                histogram[levels[i] & 0xFF]++;
                n++;
            }
        }
        int bright = 255;
        for (int above = 0; bright > 0 && above + histogram[bright] <= n / 4; bright--) {
            above += histogram[bright];
        }
        double sum = 0;
        double squares = 0;
        double brightSum = 0;
        int brightCount = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                double s = (i % width - cx) * rx + (i / width - cy) * ry;
                sum += s;
                squares += s * s;
                if ((levels[i] & 0xFF) >= bright) {
                    brightSum += s;
                    brightCount++;
                }
            }
        }
        double deviation = Math.sqrt(Math.max(squares / n - (sum / n) * (sum / n), 1e-9));
        return brightCount == 0 ? 0 : (brightSum / brightCount - sum / n) / deviation;
    }
}
