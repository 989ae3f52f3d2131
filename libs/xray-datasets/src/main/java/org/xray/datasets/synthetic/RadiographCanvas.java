package org.xray.datasets.synthetic;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;

/**
 * Attenuation layers of one image, in device pixels: soft tissue (coverage, united), bone and metal (additive, as
 * X-ray attenuation is along the beam), plus the anomaly ground-truth mask.
 */
final class RadiographCanvas {

    final int size;
    final float[] tissue;
    final float[] bone;
    final float[] metal;
    final byte[] anomalyMask;
    private final MaskRasterizer rasterizer;

    RadiographCanvas(int size) {
        this.size = size;
        this.tissue = new float[size * size];
        this.bone = new float[size * size];
        this.metal = new float[size * size];
        this.anomalyMask = new byte[size * size];
        this.rasterizer = new MaskRasterizer(size);
    }

    void addTissue(Shape shape, AffineTransform tx) {
        rasterizer.fill(shape, tx, (i, c) -> tissue[i] = Math.max(tissue[i], c));
    }

    /** A bone: full-thickness density, minus the medullary cavity, plus a cortical rim just inside the outline. */
    void paintBone(Bone b, AffineTransform tx, Shape... clips) {
        Shape outline = b.outline();
        float density = (float) b.density();
        rasterizer.fill(outline, tx, (i, c) -> bone[i] += density * c, clips);
        if (b.tubular()) {
            rasterizer.fill(b.cavity(), tx, (i, c) -> bone[i] -= 0.35f * density * c, clips);
        }
        Shape rim = new BasicStroke((float) (b.width() * 0.16)).createStrokedShape(outline);
        rasterizer.fill(rim, tx, (i, c) -> bone[i] += 0.45f * density * c, append(clips, outline));
    }

    void paintFlatBone(FlatBone flat, AffineTransform tx) {
        float density = (float) flat.density();
        rasterizer.fill(flat.outline(), tx, (i, c) -> bone[i] += density * c);
        Shape rim = new BasicStroke(0.02f).createStrokedShape(flat.outline());
        rasterizer.fill(rim, tx, (i, c) -> bone[i] += 0.5f * density * c, flat.outline());
    }

    void addBone(Shape shape, AffineTransform tx, float weight, Shape... clips) {
        rasterizer.fill(shape, tx, (i, c) -> bone[i] += weight * c, clips);
    }

    /** Removes a fraction of the bone under the shape (lucency), never below zero. */
    void thinBone(Shape shape, AffineTransform tx, float fraction, Shape... clips) {
        rasterizer.fill(shape, tx, (i, c) -> bone[i] *= 1 - fraction * c, clips);
    }

    void addMetal(Shape shape, AffineTransform tx, float weight) {
        rasterizer.fill(shape, tx, (i, c) -> metal[i] += weight * c);
    }

    void markAnomaly(Shape shape, AffineTransform tx, Shape... clips) {
        rasterizer.fill(shape, tx, (i, c) -> {
            if (c >= 0.5f) {
                anomalyMask[i] = 1;
            }
        }, clips);
    }

    /** Layout units per device pixel under {@code tx}: lets anomalies keep a minimum size in pixels. */
    static double unitsPerPixel(AffineTransform tx) {
        return 1 / Math.sqrt(Math.abs(tx.getDeterminant()));
    }

    private static Shape[] append(Shape[] clips, Shape extra) {
        Shape[] all = java.util.Arrays.copyOf(clips, clips.length + 1);
        all[clips.length] = extra;
        return all;
    }
}
