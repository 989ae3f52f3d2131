package org.xray.preprocess.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.xray.imaging.Equalization;
import org.xray.imaging.Framing;
import org.xray.imaging.PreprocessingSettings;

/**
 * How images are prepared for the model. These settings must match the ones the serving model was trained with:
 * the model bundle records them, and a mismatch makes scores meaningless.
 */
@ConfigMapping(prefix = "xray.preprocess")
public interface PreprocessConfig {

    /** Side of the square model input: 64 (default), 128 or 256. */
    @WithDefault("64")
    int size();

    /**
     * CANONICAL (the whole body part, turned upright, one laterality, background blanked; per body part) or
     * WHOLE_IMAGE.
     */
    @WithDefault("CANONICAL")
    Framing framing();

    /** NONE, HISTOGRAM (of the body part's levels) or CLAHE. */
    @WithDefault("HISTOGRAM")
    Equalization equalization();

    @WithName("clahe-clip-limit")
    @WithDefault("2.0")
    double claheClipLimit();

    @WithName("clahe-tile-grid")
    @WithDefault("8")
    int claheTileGrid();

    /** Publish the body part mask with each image. */
    @WithDefault("true")
    boolean mask();

    /** How long to wait for Kafka to acknowledge an output before the input is retried. */
    @WithName("publish-timeout-seconds")
    @WithDefault("30")
    int publishTimeoutSeconds();

    default PreprocessingSettings settings() {
        return new PreprocessingSettings(size(), framing(), equalization(), claheClipLimit(), claheTileGrid(),
                mask());
    }
}
