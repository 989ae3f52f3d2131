package org.xray.preprocess.service;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.xray.contracts.SchemaVersion;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.RawImageHeaders;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessedRadiograph;
import org.xray.imaging.RadiographPreprocessor;

/** Turns one raw image and its headers into the event scorers and the trainer read. */
@ApplicationScoped
public class ImagePreprocessing {

    private final RadiographPreprocessor preprocessor;
    private final MeterRegistry registry;
    private final Map<String, Timer> stageTimers = new ConcurrentHashMap<>();

    public ImagePreprocessing(RadiographPreprocessor preprocessor, MeterRegistry registry) {
        this.preprocessor = preprocessor;
        this.registry = registry;
    }

    /**
     * @throws org.xray.formats.InvalidImageException when the bytes cannot be decoded, with the reason
     */
    public PreprocessedImage preprocess(RawImageHeaders raw, byte[] image) {
        PreprocessedRadiograph result = preprocessor.process(image, raw.image().bodyPart());
        result.stageDurations().forEach((stage, time) -> stageTimer(stage).record(time));
        GrayImage pixels = result.image();
        return new PreprocessedImage(SchemaVersion.CURRENT, raw.image(), raw.format(), pixels.width(),
                pixels.height(), base64(pixels), result.mask().map(ImagePreprocessing::base64), result.steps(),
                Instant.now());
    }

    private Timer stageTimer(String stage) {
        return stageTimers.computeIfAbsent(stage, name -> Timer.builder("xray.preprocess.stage")
                .description("Time per preprocessing stage")
                .tag("stage", name)
                .register(registry));
    }

    private static String base64(GrayImage image) {
        return Base64.getEncoder().encodeToString(image.pixels());
    }
}
