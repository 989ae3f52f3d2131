package org.xray.training.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chart on a {@link BufferedImage}: a title, a plot area with linear axes (ticks, tick labels,
 * axis labels, light grid) and a legend. It draws only through its own image's {@link Graphics2D}, so it needs no
 * display and changes no AWT-wide setting.
 */
final class Chart {

    static final int WIDTH = 480;
    static final int HEIGHT = 360;

    // Room for the title above the plot, and for tick labels plus axis labels left of and below it.
    private static final int LEFT = 62;
    private static final int RIGHT = 18;
    private static final int TOP = 36;
    private static final int BOTTOM = 48;
    private static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final double PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    private static final Color TEXT = new Color(0x222222);
    private static final Color AXIS = new Color(0x555555);
    private static final Color GRID = new Color(0xE4E4E4);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** Where the legend goes: the corner of the plot area the data leaves free. */
    enum LegendCorner { TOP_RIGHT, BOTTOM_RIGHT }

    /**
     * A linear axis from {@code min} to {@code max} with a tick every {@code step}, labelled with {@code decimals}
     * digits after the point.
     */
    record Axis(String label, double min, double max, double step, int decimals) {

        /** 0 to 1 in steps of 0.2: rates. */
        static Axis unit(String label) {
            return new Axis(label, 0, 1, 0.2, 1);
        }

        /** About five round steps (1, 2 or 5 times a power of ten) covering {@code low..high}. */
        static Axis covering(String label, double low, double high) {
            if (!(high > low)) {
                // One value only: give it a range around it so it does not sit on a zero-width axis.
                double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
                low -= pad;
                high += pad;
            }
            double step = roundStep((high - low) / 5);
            // The 1e-9 keeps rounding noise in log10 (e.g. of 0.1) from adding or dropping a digit.
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
            return new Axis(label, Math.floor(low / step) * step, Math.ceil(high / step) * step, step, decimals);
        }

        private static double roundStep(double rough) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double fraction = rough / magnitude;
            double round = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
            return round * magnitude;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            int count = (int) Math.round((max - min) / step);
            for (int i = 0; i <= count; i++) {
                ticks.add(min + i * step);
            }
            return ticks;
        }

        String format(double value) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
    }

    private record LegendEntry(String label, Color color, Stroke stroke) {
    }

    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = image.createGraphics();
    private final Axis x;
    private final Axis y;
    private final List<LegendEntry> legend = new ArrayList<>();

    Chart(String title, Axis x, Axis y) {
        this.x = x;
        this.y = y;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        drawAxes();
        g.setFont(TITLE_FONT);
        g.setColor(TEXT);
        centred(title, WIDTH / 2.0, 22);
    }

    /** A polyline through data points, clipped to the plot area. */
    void line(double[] xs, double[] ys, Color color, Stroke stroke) {
        Path2D path = new Path2D.Double();
        path.moveTo(px(xs[0]), py(ys[0]));
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(px(xs[i]), py(ys[i]));
        }
        drawInPlot(path, color, stroke);
    }

    /** A vertical line across the whole plot height at data value {@code at}. */
    void verticalLine(double at, Color color, Stroke stroke) {
        drawInPlot(new Line2D.Double(px(at), TOP, px(at), TOP + PLOT_HEIGHT), color, stroke);
    }

    /** A filled bar from the x axis up to {@code height}, between data values {@code from} and {@code to}. */
    void bar(double from, double to, double height, Color color) {
        double top = py(height);
        Shape bar = new Rectangle2D.Double(px(from), top, px(to) - px(from), py(y.min()) - top);
        g.setColor(color);
        g.fill(bar);
    }

    /** Adds a legend line; {@code stroke} null means a filled swatch (for bars). */
    void legend(String label, Color color, Stroke stroke) {
        legend.add(new LegendEntry(label, color, stroke));
    }

    /** Draws the legend and returns the finished image; the chart is not drawn on afterwards. */
    BufferedImage finish(LegendCorner corner) {
        drawLegend(corner);
        g.dispose();
        return image;
    }

    private double px(double value) {
        return LEFT + (value - x.min()) / (x.max() - x.min()) * PLOT_WIDTH;
    }

    private double py(double value) {
        return TOP + PLOT_HEIGHT - (value - y.min()) / (y.max() - y.min()) * PLOT_HEIGHT;
    }

    private void drawInPlot(Shape shape, Color color, Stroke stroke) {
        Shape clip = g.getClip();
        // A few pixels of slack, so that a line along the plot's edge (a TPR of 1) is drawn at its full width.
        g.clip(new Rectangle2D.Double(LEFT - 3, TOP - 3, PLOT_WIDTH + 6, PLOT_HEIGHT + 6));
        g.setColor(color);
        g.setStroke(stroke);
        g.draw(shape);
        g.setClip(clip);
    }

    private void drawAxes() {
        double bottom = TOP + PLOT_HEIGHT;
        double right = LEFT + PLOT_WIDTH;
        g.setFont(TICK_FONT);
        g.setStroke(new BasicStroke(1f));
        FontMetrics metrics = g.getFontMetrics();
        for (double tick : x.ticks()) {
            double at = px(tick);
            g.setColor(GRID);
            g.draw(new Line2D.Double(at, TOP, at, bottom));
            g.setColor(AXIS);
            g.draw(new Line2D.Double(at, bottom, at, bottom + 4));
            g.setColor(TEXT);
            centred(x.format(tick), at, bottom + 6 + metrics.getAscent());
        }
        for (double tick : y.ticks()) {
            double at = py(tick);
            g.setColor(GRID);
            g.draw(new Line2D.Double(LEFT, at, right, at));
            g.setColor(AXIS);
            g.draw(new Line2D.Double(LEFT - 4, at, LEFT, at));
            g.setColor(TEXT);
            String label = y.format(tick);
            g.drawString(label, (float) (LEFT - 7 - metrics.stringWidth(label)),
                    (float) (at + metrics.getAscent() / 2.0 - 1));
        }
        g.setColor(AXIS);
        g.draw(new Line2D.Double(LEFT, TOP, LEFT, bottom));
        g.draw(new Line2D.Double(LEFT, bottom, right, bottom));

        g.setFont(LABEL_FONT);
        g.setColor(TEXT);
        centred(x.label(), LEFT + PLOT_WIDTH / 2, HEIGHT - 10);
        // The y label reads bottom to top; rotating a copy of the graphics leaves this one's transform alone.
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        int width = rotated.getFontMetrics().stringWidth(y.label());
        rotated.drawString(y.label(), (float) (-(TOP + PLOT_HEIGHT / 2) - width / 2.0), 16f);
        rotated.dispose();
    }

    private void drawLegend(LegendCorner corner) {
        if (legend.isEmpty()) {
            return;
        }
        g.setFont(TICK_FONT);
        FontMetrics metrics = g.getFontMetrics();
        int swatch = 22;
        int lineHeight = metrics.getHeight() + 2;
        int textWidth = legend.stream().mapToInt(entry -> metrics.stringWidth(entry.label())).max().orElseThrow();
        double boxWidth = 8 + swatch + 6 + textWidth + 8;
        double boxHeight = 6 + legend.size() * lineHeight + 2;
        double boxX = LEFT + PLOT_WIDTH - boxWidth - 8;
        double boxY = corner == LegendCorner.TOP_RIGHT ? TOP + 8 : TOP + PLOT_HEIGHT - boxHeight - 8;

        g.setColor(new Color(255, 255, 255, 230));
        g.fill(new Rectangle2D.Double(boxX, boxY, boxWidth, boxHeight));
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(boxX, boxY, boxWidth, boxHeight));
        for (int i = 0; i < legend.size(); i++) {
            LegendEntry entry = legend.get(i);
            double middle = boxY + 6 + i * lineHeight + lineHeight / 2.0;
            g.setColor(entry.color());
            if (entry.stroke() == null) {
                g.fill(new Rectangle2D.Double(boxX + 8, middle - 5, swatch, 10));
            } else {
                g.setStroke(entry.stroke());
                g.draw(new Line2D.Double(boxX + 8, middle, boxX + 8 + swatch, middle));
            }
            g.setColor(TEXT);
            g.drawString(entry.label(), (float) (boxX + 8 + swatch + 6),
                    (float) (middle + metrics.getAscent() / 2.0 - 1));
        }
    }

    private void centred(String text, double centreX, double baseline) {
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (centreX - width / 2.0), (float) baseline);
    }
}
