package org.xray.imaging;

/**
 * Where the radiograph was found, in input pixel coordinates: a rectangle of {@code width} (short side) by
 * {@code height} (long side) around {@code (centerX, centerY)}, its long side tilted {@code angleDegrees} from
 * vertical, positive when the radiograph is turned clockwise on screen. Cropping turns it back by that angle.
 */
public record CropBox(double centerX, double centerY, double width, double height, double angleDegrees) {

    public CropBox {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("box sides must be positive, were " + width + " and " + height);
        }
    }

    /**
     * The corners in input coordinates, as {@code {x, y}} pairs in the order top-left, top-right, bottom-right,
     * bottom-left of the upright crop.
     */
    public double[][] corners() {
        double radians = Math.toRadians(angleDegrees);
        // Unit vectors, in input coordinates, of the upright crop's x axis (short side) and y axis (long side).
        double downX = -Math.sin(radians);
        double downY = Math.cos(radians);
        double rightX = downY;
        double rightY = -downX;
        double[][] corners = new double[4][];
        int[][] signs = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (int i = 0; i < 4; i++) {
            double u = signs[i][0] * width / 2;
            double v = signs[i][1] * height / 2;
            corners[i] = new double[] {centerX + u * rightX + v * downX, centerY + u * rightY + v * downY};
        }
        return corners;
    }
}
