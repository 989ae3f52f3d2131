package org.xray.imaging;

import java.util.Objects;
import java.util.Set;

/**
 * What {@link RadiographPreprocessor} does to every image. Immutable; part of a model bundle's manifest, because a
 * model only scores well on images prepared the way its training images were.
 *
 * @param size            side of the square output: 64 (f-AnoGAN as published), 128 or 256; 32 for small tests
 * @param framing         the whole image, or the body part in its canonical pose (see {@link Framing})
 * @param equalization    contrast equalisation of the body part's levels
 * @param claheClipLimit  CLAHE clip limit (only used with {@link Equalization#CLAHE}), &gt; 0
 * @param claheTileGrid   CLAHE tiles per side (only used with {@link Equalization#CLAHE}), 1..size
 * @param mask            also produce the body part mask (255 = body part, 0 = background and padding)
 */
public record PreprocessingSettings(int size, Framing framing, Equalization equalization, double claheClipLimit,
                                    int claheTileGrid, boolean mask) {

    /** Output sizes the models support. */
    public static final Set<Integer> SIZES = Set.of(32, 64, 128, 256);

    public PreprocessingSettings {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("size must be one of 32, 64, 128 or 256, was " + size);
        }
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(equalization, "equalization");
        if (!(claheClipLimit > 0) || Double.isInfinite(claheClipLimit)) {
            throw new IllegalArgumentException("claheClipLimit must be a positive number, was " + claheClipLimit);
        }
        if (claheTileGrid < 1 || claheTileGrid > size) {
            throw new IllegalArgumentException("claheTileGrid must be between 1 and the size " + size
                    + ", was " + claheTileGrid);
        }
    }

    /**
     * 64x64, canonical framing, histogram equalisation of the body part (the original project's choice: it takes
     * gain, gamma and offset out), mask on; CLAHE's parameters, when chosen, clip 2.0 on an 8x8 grid.
     */
    public static PreprocessingSettings defaults() {
        return new PreprocessingSettings(64, Framing.CANONICAL, Equalization.HISTOGRAM, 2.0, 8, true);
    }

    public PreprocessingSettings withSize(int newSize) {
        return new PreprocessingSettings(newSize, framing, equalization, claheClipLimit, claheTileGrid, mask);
    }

    public PreprocessingSettings withFraming(Framing newFraming) {
        return new PreprocessingSettings(size, newFraming, equalization, claheClipLimit, claheTileGrid, mask);
    }

    public PreprocessingSettings withEqualization(Equalization newEqualization) {
        return new PreprocessingSettings(size, framing, newEqualization, claheClipLimit, claheTileGrid, mask);
    }

    public PreprocessingSettings withMask(boolean newMask) {
        return new PreprocessingSettings(size, framing, equalization, claheClipLimit, claheTileGrid, newMask);
    }
}
