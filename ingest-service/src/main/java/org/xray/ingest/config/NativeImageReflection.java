package org.xray.ingest.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.xray.contracts.BodyPart;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.DeadLetter;
import org.xray.contracts.events.ImageMetadata;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.contracts.events.RawImageHeaders;
import org.xray.contracts.events.ScoreEvent;
import org.xray.contracts.events.ValidationRoc;
import org.xray.ingest.rest.ImageAccepted;
import org.xray.ingest.rest.Problem;

/**
 * Types that Jackson maps by reflection and that a native build (-Pnative) cannot find by itself: the contract events
 * read and written with {@code EventJson}'s own mapper, and the REST bodies handed over inside a {@code Response}
 * (Quarkus registers only the declared return types of resource methods). Nested types are registered with them. No
 * effect in JVM mode. deploy-tests' IngestNativeBuildTest fails when a type they refer to is missing here.
 */
@RegisterForReflection(targets = {
        AlertEvent.class, DeadLetter.class, ImageMetadata.class, ModelManifest.class, ModelStatus.class,
        PreprocessedImage.class, PreprocessingStep.class, RawImageHeaders.class, ScoreEvent.class, ValidationRoc.class,
        BodyPart.class, ImageFormat.class, RejectionReason.class,
        ImageAccepted.class, Problem.class})
public final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
