package org.xray.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xray.contracts.BodyPart;

class SyntheticRadiographRendererTest {

    private static final SyntheticRadiographRenderer RENDERER = new SyntheticRadiographRenderer(128);

    @ParameterizedTest
    @EnumSource(value = BodyPart.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers(BodyPart part) {
        SyntheticImage a = RENDERER.render(part, Optional.of(AnomalyKind.FRACTURE), 42);
        SyntheticImage b = RENDERER.render(part, Optional.of(AnomalyKind.FRACTURE), 42);
        SyntheticImage c = RENDERER.render(part, Optional.of(AnomalyKind.FRACTURE), 43);

        assertThat(a.pixels()).isEqualTo(b.pixels());
        assertThat(c.pixels()).isNotEqualTo(a.pixels());
        assertThat(a.width()).isEqualTo(128);
        assertThat(a.bodyPart()).isEqualTo(part);
        assertThat(a.anomaly()).contains(AnomalyKind.FRACTURE);
    }

    @ParameterizedTest
    @EnumSource(value = BodyPart.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void drawsBoneBrighterThanSoftTissueAndAir(BodyPart part) {
        for (long seed = 0; seed < 5; seed++) {
            SyntheticRendering r = RENDERER.renderWithMasks(part, Optional.empty(), seed);
            int bone = count(r.boneMask());
            assertThat(bone).as("bone pixels of %s seed %d", part, seed).isGreaterThan(128 * 128 / 50);
            assertThat(meanWhere(r.image().pixels(), r.boneMask(), (byte) 1))
                    .as("bone is brighter than the rest, %s seed %d", part, seed)
                    .isGreaterThan(meanWhere(r.image().pixels(), r.boneMask(), (byte) 0));
            assertThat(count(r.anomalyMask())).isZero();
        }
    }

    /**
     * Each anomaly must change the image where bone is, relative to the same-seed normal render (which shares pose,
     * exposure and noise), and be large enough to survive a resize to 64 x 64.
     */
    @ParameterizedTest
    @EnumSource(AnomalyKind.class)
    void eachAnomalyChangesPixelsInsideTheBone(AnomalyKind kind) {
        for (BodyPart part : SyntheticDatasetSpec.allParts()) {
            for (long seed = 0; seed < 4; seed++) {
                SyntheticRendering normal = RENDERER.renderWithMasks(part, Optional.empty(), seed);
                SyntheticRendering abnormal = RENDERER.renderWithMasks(part, Optional.of(kind), seed);
                // The detector blur spreads an edge by a pixel or two beyond the drawn shapes.
                byte[] near = dilate(union(union(normal.boneMask(), abnormal.boneMask()), abnormal.anomalyMask()), 2);
                byte[] n = normal.image().pixels();
                byte[] a = abnormal.image().pixels();
                int changedInBone = 0;
                int changedInBoneOrAnomaly = 0;
                int changed = 0;
                for (int i = 0; i < n.length; i++) {
                    if (Math.abs((n[i] & 0xff) - (a[i] & 0xff)) >= 8) {
                        changed++;
                        boolean bone = normal.boneMask()[i] == 1 || abnormal.boneMask()[i] == 1;
                        changedInBone += bone ? 1 : 0;
                        changedInBoneOrAnomaly += near[i];
                    }
                }
                String what = kind + " on " + part + " seed " + seed;
                // 12 px at 128 x 128 is 3 px at 64 x 64 before the crop enlarges it.
                assertThat(changedInBone).as("changed bone pixels, %s", what).isGreaterThanOrEqualTo(12);
                // Hardware lying beside the cortex changes soft tissue too, but it is inside the anomaly mask.
                assertThat(changedInBoneOrAnomaly).as("changes lie in bone or the anomaly, %s", what)
                        .isGreaterThan(changed * 3 / 4);
                assertThat(count(abnormal.anomalyMask())).as("anomaly mask, %s", what).isGreaterThan(0);
            }
        }
    }

    @Test
    void rejectsUnknownBodyPartAndSillySizes() {
        assertThatThrownBy(() -> RENDERER.render(BodyPart.UNKNOWN, Optional.empty(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticRadiographRenderer(16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullVariationIsTheDefault() {
        SyntheticRadiographRenderer full = new SyntheticRadiographRenderer(64, NuisanceVariation.FULL);
        assertThat(new SyntheticRadiographRenderer(64).variation()).isEqualTo(NuisanceVariation.FULL);
        assertThat(full.render(BodyPart.XR_FOREARM, Optional.of(AnomalyKind.HARDWARE), 5).pixels())
                .isEqualTo(new SyntheticRadiographRenderer(64).render(BodyPart.XR_FOREARM,
                        Optional.of(AnomalyKind.HARDWARE), 5).pixels());
    }

    @Test
    void reducedVariationIsDeterministicAndVariesFarLessAroundTheMeanImage() {
        SyntheticRadiographRenderer reduced = new SyntheticRadiographRenderer(64, NuisanceVariation.REDUCED);
        assertThat(reduced.render(BodyPart.XR_FOREARM, Optional.empty(), 9).pixels())
                .isEqualTo(reduced.render(BodyPart.XR_FOREARM, Optional.empty(), 9).pixels())
                .isNotEqualTo(reduced.render(BodyPart.XR_FOREARM, Optional.empty(), 10).pixels());

        double fullSpread = spreadAroundMean(new SyntheticRadiographRenderer(64));
        double reducedSpread = spreadAroundMean(reduced);
        assertThat(reducedSpread).as("mean |x - mean image|, reduced vs full %.3f", fullSpread)
                .isLessThan(0.5 * fullSpread);
    }

    @Test
    void reducedVariationDrawsTheAnomalyOnTheSameSeedsImage() {
        SyntheticRadiographRenderer reduced = new SyntheticRadiographRenderer(64, NuisanceVariation.REDUCED);
        SyntheticRendering abnormal = reduced.renderWithMasks(BodyPart.XR_FOREARM, Optional.of(AnomalyKind.HARDWARE), 4);
        byte[] normal = reduced.render(BodyPart.XR_FOREARM, Optional.empty(), 4).pixels();
        assertThat(count(abnormal.anomalyMask())).isPositive();
        assertThat(abnormal.image().pixels()).isNotEqualTo(normal);
    }

    private static double spreadAroundMean(SyntheticRadiographRenderer renderer) {
        int n = 40;
        double[] mean = new double[64 * 64];
        List<byte[]> images = new java.util.ArrayList<>();
        for (int s = 0; s < n; s++) {
            byte[] p = renderer.render(BodyPart.XR_FOREARM, Optional.empty(), 100 + s).pixels();
            images.add(p);
            for (int i = 0; i < p.length; i++) {
                mean[i] += (p[i] & 0xff) / 255.0 / n;
            }
        }
        double spread = 0;
        for (byte[] p : images) {
            for (int i = 0; i < p.length; i++) {
                spread += Math.abs((p[i] & 0xff) / 255.0 - mean[i]) / p.length / n;
            }
        }
        return spread;
    }

    @Test
    void anySizeRenders() {
        assertThat(new SyntheticRadiographRenderer(64).render(BodyPart.XR_HAND, Optional.empty(), 3).pixels())
                .hasSize(64 * 64);
        assertThat(new SyntheticRadiographRenderer(300).render(BodyPart.XR_ELBOW, Optional.empty(), 3).pixels())
                .hasSize(300 * 300);
    }

    private static byte[] union(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] | b[i]);
        }
        return out;
    }

    /** Square dilation of a 128 x 128 mask by r pixels. */
    private static byte[] dilate(byte[] mask, int r) {
        int size = 128;
        byte[] out = new byte[mask.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (mask[y * size + x] == 0) {
                    continue;
                }
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < size && xx >= 0 && xx < size) {
                            out[yy * size + xx] = 1;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static int count(byte[] mask) {
        int c = 0;
        for (byte b : mask) {
            c += b;
        }
        return c;
    }

    private static double meanWhere(byte[] pixels, byte[] mask, byte value) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < pixels.length; i++) {
            if (mask[i] == value) {
                sum += pixels[i] & 0xff;
                n++;
            }
        }
        return sum / Math.max(1, n);
    }
}
