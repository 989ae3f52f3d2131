package org.xray.datasets.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Rasterises one shape at a time, anti-aliased, into a scratch 8-bit mask and hands each covered pixel's coverage
 * (0..1] to a callback; Java2D does the geometry, the callback decides how coverage becomes attenuation.
 */
final class MaskRasterizer {

    /** Receives a covered pixel's index (row-major) and coverage in (0, 1]. */
    interface PixelOp {
        void apply(int index, float coverage);
    }

    private final int size;
    private final BufferedImage scratch;
    private final byte[] data;
    private final Rectangle canvas;

    MaskRasterizer(int size) {
        this.size = size;
        this.scratch = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        this.data = ((DataBufferByte) scratch.getRaster().getDataBuffer()).getData();
        this.canvas = new Rectangle(0, 0, size, size);
    }

    /**
     * Fills {@code shape} (user space of {@code tx}), restricted to every clip (same user space), and calls
     * {@code op} for each covered pixel.
     */
    void fill(Shape shape, AffineTransform tx, PixelOp op, Shape... clips) {
        Rectangle bounds = tx.createTransformedShape(shape).getBounds();
        bounds.grow(1, 1);
        Rectangle r = bounds.intersection(canvas);
        if (r.isEmpty()) {
            return;
        }
        for (int y = r.y; y < r.y + r.height; y++) {
            java.util.Arrays.fill(data, y * size + r.x, y * size + r.x + r.width, (byte) 0);
        }
        Graphics2D g = scratch.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setClip(r);
            g.transform(tx);
            for (Shape clip : clips) {
                g.clip(clip);
            }
            g.setColor(Color.WHITE);
            g.fill(shape);
        } finally {
            g.dispose();
        }
        for (int y = r.y; y < r.y + r.height; y++) {
            int row = y * size;
            for (int x = r.x; x < r.x + r.width; x++) {
                int v = data[row + x] & 0xff;
                if (v != 0) {
                    op.apply(row + x, v / 255f);
                }
            }
        }
    }
}
