package org.xray.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.xray.imaging.GrayImage;

/** Small images for unit tests. */
public final class TestImages {

    private TestImages() {
    }

    public static List<GrayImage> random(int count, int size, long seed) {
        Random random = new Random(seed);
        List<GrayImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] pixels = new byte[size * size];
            random.nextBytes(pixels);
            images.add(new GrayImage(size, size, pixels));
        }
        return images;
    }

    /** Black left half (background below the foreground threshold), random right half. */
    public static GrayImage halfBlack(int size, long seed) {
        byte[] pixels = random(1, size, seed).get(0).pixels();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size / 2; x++) {
                pixels[y * size + x] = 0;
            }
        }
        return new GrayImage(size, size, pixels);
    }

    /** Bright horizontal ramps with a random offset: easy to reconstruct. */
    public static List<GrayImage> ramps(int count, int size, long seed) {
        Random random = new Random(seed);
        List<GrayImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int offset = random.nextInt(size);
            byte[] pixels = new byte[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    pixels[y * size + x] = (byte) (40 + 200 * ((x + offset) % size) / size);
                }
            }
            images.add(new GrayImage(size, size, pixels));
        }
        return images;
    }
}
