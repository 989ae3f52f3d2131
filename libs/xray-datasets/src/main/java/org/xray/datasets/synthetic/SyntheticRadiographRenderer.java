package org.xray.datasets.synthetic;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.xray.contracts.BodyPart;

/**
 * Draws plausible synthetic radiographs of MURA's body parts, normal or with one anomaly. Deterministic: the same
 * part, anomaly and seed give the same bytes. Each concern (anatomy, pose, anomaly, marker and collimation,
 * texture, exposure, noise) has its own random stream, so an abnormal image differs from the same-seed normal one
 * only by the anomaly. {@link NuisanceVariation#REDUCED} fixes pose and exposure and drops collimation and marker, for
 * short learning tests only.
 */
public final class SyntheticRadiographRenderer {

    static {
        // Java2D rasterisation only; never open a display (CI machines have none).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final int ANATOMY = 1;
    private static final int POSE = 2;
    private static final int ANOMALY = 3;
    private static final int EXTRAS = 4;
    private static final int TEXTURE = 5;
    private static final int EXPOSURE = 6;
    private static final int NOISE = 7;

    private final int size;
    private final NuisanceVariation variation;

    /** @param size width and height in pixels, 32 to 4096; full nuisance variation */
    public SyntheticRadiographRenderer(int size) {
        this(size, NuisanceVariation.FULL);
    }

    /**
     * @param size      width and height in pixels, 32 to 4096
     * @param variation how much pose, exposure, collimation and marker vary ({@link NuisanceVariation#REDUCED} only
     *                  for short learning tests)
     */
    public SyntheticRadiographRenderer(int size, NuisanceVariation variation) {
        if (size < 32 || size > 4096) {
            throw new IllegalArgumentException("image size must be 32..4096 pixels, got " + size);
        }
        this.size = size;
        this.variation = Objects.requireNonNull(variation, "variation");
    }

    public NuisanceVariation variation() {
        return variation;
    }

    public int size() {
        return size;
    }

    public SyntheticImage render(BodyPart part, Optional<AnomalyKind> anomaly, long seed) {
        return renderWithMasks(part, anomaly, seed).image();
    }

    /** Renders and also returns where bone is and where the anomaly was drawn. */
    public SyntheticRendering renderWithMasks(BodyPart part, Optional<AnomalyKind> anomaly, long seed) {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(anomaly, "anomaly");
        Skeleton skeleton = AnatomyLayouts.build(part, Seeds.stream(seed, ANATOMY));
        boolean full = variation == NuisanceVariation.FULL;
        Pose pose = full ? Pose.random(Seeds.stream(seed, POSE)) : Pose.CANONICAL;
        AffineTransform tx = pose.toDevice(size);
        AnomalyEffect effect = anomaly
                .map(kind -> AnomalyPlanner.plan(kind, skeleton, tx, size, Seeds.stream(seed, ANOMALY)))
                .orElse(AnomalyEffect.NONE);
        effect.reshape(skeleton);

        RadiographCanvas canvas = new RadiographCanvas(size);
        paintAnatomy(canvas, skeleton, tx, effect);
        effect.paint(canvas, skeleton, tx);
        Random extras = Seeds.stream(seed, EXTRAS);
        boolean marker = full && extras.nextDouble() < 0.7;
        if (marker) {
            // A mirrored pose is the other side's limb, so the marker letter follows it.
            SideMarker.paint(canvas, pose.mirrored(), extras);
        }
        Collimation collimation = full ? Collimation.random(extras) : Collimation.NONE;

        float[] texture = TextureField.generate(size, Seeds.stream(seed, TEXTURE));
        Exposure exposure = full ? Exposure.random(Seeds.stream(seed, EXPOSURE)) : Exposure.TYPICAL;
        float[] values = develop(canvas, skeleton.tissueDensity, texture, exposure);
        collimation.apply(values, size);
        exposure.addNoise(values, Seeds.stream(seed, NOISE));

        byte[] pixels = new byte[size * size];
        byte[] partMask = new byte[size * size];
        byte[] boneMask = new byte[size * size];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, values[i])));
            boolean drawn = canvas.tissue[i] >= 0.5f || canvas.bone[i] > 0.25f;
            partMask[i] = (byte) (drawn && !collimation.hides(i % size, i / size, size) ? 1 : 0);
            boneMask[i] = (byte) (canvas.bone[i] > 0.25f ? 1 : 0);
        }
        return new SyntheticRendering(new SyntheticImage(size, size, pixels, part, anomaly), partMask, boneMask,
                canvas.anomalyMask.clone(), new SyntheticRendering.RenderedPose(pose.angleDeg(), pose.scale(),
                pose.mirrored()));
    }

    private static void paintAnatomy(RadiographCanvas canvas, Skeleton s, AffineTransform tx, AnomalyEffect effect) {
        for (Shape shape : s.tissue) {
            canvas.addTissue(shape, tx);
        }
        for (Bone b : s.bones) {
            Shape capsule = new BasicStroke((float) (b.width() * s.tissueWidthFactor), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND).createStrokedShape(new Line2D.Double(b.ax(), b.ay(), b.bx(), b.by()));
            canvas.addTissue(capsule, tx);
        }
        for (FlatBone flat : s.flatBones) {
            canvas.paintFlatBone(flat, tx);
        }
        for (int i = 0; i < s.bones.size(); i++) {
            if (!effect.paintsBone(i)) {
                canvas.paintBone(s.bones.get(i), tx);
            }
        }
    }

    /** Attenuation layers to display intensities: softened skin line, trabecular texture in bone, exposure curve. */
    private float[] develop(RadiographCanvas canvas, double tissueDensity, float[] texture, Exposure exposure) {
        float[] tissue = Blur.box(canvas.tissue, size, Math.max(1, size / 128), 2);
        float[] values = new float[size * size];
        for (int i = 0; i < values.length; i++) {
            float att = (float) (tissueDensity * tissue[i]) + canvas.bone[i] * (1 + 0.18f * texture[i]) + canvas.metal[i];
            values[i] = exposure.intensity(att);
        }
        return Blur.box(values, size, 1, 1); // the detector's point spread: no perfectly sharp edges
    }
}
