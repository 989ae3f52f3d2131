package org.xray.datasets.synthetic;

/** Separable box blur with clamped edges; repeated passes approximate a Gaussian. */
final class Blur {

    private Blur() {
    }

    static float[] box(float[] src, int size, int radius, int passes) {
        float[] a = src.clone();
        float[] b = new float[a.length];
        for (int p = 0; p < passes; p++) {
            pass(a, b, size, radius, 1, size);
            pass(b, a, size, radius, size, 1);
        }
        return a;
    }

    /** One 1-D pass: {@code step} walks along a line, {@code lineStep} moves between lines. */
    private static void pass(float[] in, float[] out, int size, int radius, int step, int lineStep) {
        float norm = 1f / (2 * radius + 1);
        for (int line = 0; line < size; line++) {
            int base = line * lineStep;
            float sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += in[base + clamp(k, size) * step];
            }
            for (int i = 0; i < size; i++) {
                out[base + i * step] = sum * norm;
                sum += in[base + clamp(i + radius + 1, size) * step] - in[base + clamp(i - radius, size) * step];
            }
        }
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : (i >= size ? size - 1 : i);
    }
}
