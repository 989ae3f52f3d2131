package org.xray.preprocess.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.xray.imaging.RadiographPreprocessor;
import org.xray.preprocess.config.PreprocessConfig;

/** One preprocessor for the whole service: it is immutable and shared by the worker threads. */
@ApplicationScoped
public class PreprocessorProducer {

    @Produces
    @ApplicationScoped
    RadiographPreprocessor preprocessor(PreprocessConfig config) {
        return new RadiographPreprocessor(config.settings());
    }
}
