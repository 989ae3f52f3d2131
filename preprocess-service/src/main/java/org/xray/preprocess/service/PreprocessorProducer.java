package org.xray.preprocess.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.xray.imaging.RadiographPreprocessor;
import org.xray.preprocess.config.PreprocessConfig;

/**
 * One preprocessor for the whole service: it is immutable and shared by the worker threads. Parallelism comes from
 * the workers (one image each), so OpenCV's own thread pool is switched off rather than oversubscribing the cores.
 */
@ApplicationScoped
public class PreprocessorProducer {

    @Produces
    @ApplicationScoped
    RadiographPreprocessor preprocessor(PreprocessConfig config) {
        RadiographPreprocessor.useSingleThreadedOpenCv();
        return new RadiographPreprocessor(config.settings());
    }
}
