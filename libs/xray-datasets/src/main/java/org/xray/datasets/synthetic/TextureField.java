package org.xray.datasets.synthetic;

import java.util.Random;

/** Smooth value noise in about [-1, 1]: two octaves of bilinearly interpolated random grids (trabecular texture). */
final class TextureField {

    private TextureField() {
    }

    static float[] generate(int size, Random rnd) {
        float[] out = new float[size * size];
        addOctave(out, size, Math.max(4, size / 12), 0.65f, rnd);
        addOctave(out, size, Math.max(2, size / 40), 0.35f, rnd);
        return out;
    }

    private static void addOctave(float[] out, int size, int cell, float amplitude, Random rnd) {
        int cells = size / cell + 2;
        float[] grid = new float[cells * cells];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) (2 * rnd.nextDouble() - 1);
        }
        for (int y = 0; y < size; y++) {
            int gy = y / cell;
            float fy = (y % cell) / (float) cell;
            for (int x = 0; x < size; x++) {
                int gx = x / cell;
                float fx = (x % cell) / (float) cell;
                float top = grid[gy * cells + gx] * (1 - fx) + grid[gy * cells + gx + 1] * fx;
                float bottom = grid[(gy + 1) * cells + gx] * (1 - fx) + grid[(gy + 1) * cells + gx + 1] * fx;
                out[y * size + x] += amplitude * (top * (1 - fy) + bottom * fy);
            }
        }
    }
}
