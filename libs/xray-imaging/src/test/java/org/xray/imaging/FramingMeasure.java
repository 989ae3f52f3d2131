package org.xray.imaging;

import java.util.Map;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.datasets.synthetic.SyntheticRendering;

/**
 * How well one preprocessed image was framed, against the synthetic rendering's ground truth, read from the
 * {@code frame} step's record: the crop box against the true part box (the bounding box of the rendered part mask in
 * the crop's own axes), the tilt against the rendered pose, and the laterality decision against the rendered
 * mirroring. Shared by the framing tests and the framing benchmark.
 *
 * @param iou             intersection over union of the crop box and the true part box
 * @param signedAngleError estimated tilt minus rendered tilt, degrees in (-180, 180]
 * @param lateralityRight whether the image was mirrored exactly when the rendered part is the other side's
 */
public record FramingMeasure(double iou, double signedAngleError, boolean lateralityRight) {

    public double angleError() {
        return Math.abs(signedAngleError);
    }

    public static FramingMeasure of(PreprocessedRadiograph result, SyntheticRendering truth) {
        Map<String, String> frame = result.steps().stream().filter(s -> s.name().equals("frame")).findFirst()
                .map(PreprocessingStep::parameters)
                .orElseThrow(() -> new IllegalArgumentException("no frame step in " + result.steps()));
        double cx = number(frame, "centerX");
        double cy = number(frame, "centerY");
        double halfWidth = number(frame, "width") / 2;
        double halfHeight = number(frame, "height") / 2;
        double angle = number(frame, "angle");
        boolean mirrored = Boolean.parseBoolean(frame.get("mirrored"));
        double radians = Math.toRadians(angle);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        int width = truth.image().width();
        byte[] part = truth.partMask();
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (int i = 0; i < part.length; i++) {
            if (part[i] != 0) {
                double dx = i % width - cx;
                double dy = i / width - cy;
                double s = dx * cos + dy * sin;
                double t = -dx * sin + dy * cos;
                left = Math.min(left, s - 0.5);
                right = Math.max(right, s + 0.5);
                top = Math.min(top, t - 0.5);
                bottom = Math.max(bottom, t + 0.5);
            }
        }
        double overlapX = Math.max(0, Math.min(right, halfWidth) - Math.max(left, -halfWidth));
        double overlapY = Math.max(0, Math.min(bottom, halfHeight) - Math.max(top, -halfHeight));
        double intersection = overlapX * overlapY;
        double union = (right - left) * (bottom - top) + 4 * halfWidth * halfHeight - intersection;
        double error = angle - truth.pose().angleDegrees();
        error = error - 360 * Math.floor((error + 180) / 360);
        return new FramingMeasure(intersection / union, error == -180 ? 180 : error,
                mirrored == truth.pose().mirrored());
    }

    private static double number(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the frame step has no '" + name + "': " + parameters);
        }
        return Double.parseDouble(value);
    }
}
