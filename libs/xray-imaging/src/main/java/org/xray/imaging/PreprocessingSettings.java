package org.xray.imaging;

import java.util.Objects;
import java.util.Set;

/**
 * What {@link RadiographPreprocessor} does to every image. Immutable; part of a model bundle's manifest, because a
 * model only scores well on images prepared the way its training images were.
 *
 * @param size            side of the square output: 64 (f-AnoGAN as published), 128 or 256; 32 for small tests
 * @param crop            find the radiograph (Otsu, largest region, minimum-area rectangle) and crop it upright
 * @param equalization    contrast equalisation of the image content
 * @param claheClipLimit  CLAHE clip limit (only used with {@link Equalization#CLAHE}), &gt; 0
 * @param claheTileGrid   CLAHE tiles per side (only used with {@link Equalization#CLAHE}), 1..size
 * @param mask            also produce an Otsu foreground mask (255 = body part, 0 = background and padding)
 */
public record PreprocessingSettings(int size, boolean crop, Equalization equalization, double claheClipLimit,
                                    int claheTileGrid, boolean mask) {

    /** Output sizes the models support. */
    public static final Set<Integer> SIZES = Set.of(32, 64, 128, 256);

    public PreprocessingSettings {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("size must be one of 32, 64, 128 or 256, was " + size);
        }
        Objects.requireNonNull(equalization, "equalization");
        if (!(claheClipLimit > 0) || Double.isInfinite(claheClipLimit)) {
            throw new IllegalArgumentException("claheClipLimit must be a positive number, was " + claheClipLimit);
        }
        if (claheTileGrid < 1 || claheTileGrid > size) {
            throw new IllegalArgumentException("claheTileGrid must be between 1 and the size " + size
                    + ", was " + claheTileGrid);
        }
    }

    /** 64x64, crop on, CLAHE with clip limit 2.0 on an 8x8 tile grid, mask on. */
    public static PreprocessingSettings defaults() {
        return new PreprocessingSettings(64, true, Equalization.CLAHE, 2.0, 8, true);
    }

    public PreprocessingSettings withSize(int newSize) {
        return new PreprocessingSettings(newSize, crop, equalization, claheClipLimit, claheTileGrid, mask);
    }

    public PreprocessingSettings withCrop(boolean newCrop) {
        return new PreprocessingSettings(size, newCrop, equalization, claheClipLimit, claheTileGrid, mask);
    }

    public PreprocessingSettings withEqualization(Equalization newEqualization) {
        return new PreprocessingSettings(size, crop, newEqualization, claheClipLimit, claheTileGrid, mask);
    }

    public PreprocessingSettings withMask(boolean newMask) {
        return new PreprocessingSettings(size, crop, equalization, claheClipLimit, claheTileGrid, newMask);
    }
}
