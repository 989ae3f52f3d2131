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
import org.xray.ingest.dashboard.BodyPartCounts;
import org.xray.ingest.dashboard.DeadLetteredImage;
import org.xray.ingest.dashboard.FeedItem;
import org.xray.ingest.dashboard.ImageTrace;
import org.xray.ingest.dashboard.ModelCatalog;
import org.xray.ingest.dashboard.PipelineActivity;
import org.xray.ingest.rest.ImageAccepted;
import org.xray.ingest.rest.Problem;

/**
 * Types that Jackson maps by reflection and that a native build (-Pnative) cannot find by itself: the contract events
 * read and written with {@code EventJson}'s own mapper, the REST bodies handed over inside a {@code Response}
 * (Quarkus registers only the declared return types of resource methods), and the web app's views (the feed items
 * are written by hand for server-sent events). Nested types are registered with them. No
 * effect in JVM mode. deploy-tests' IngestNativeBuildTest fails when a type they refer to is missing here.
 */
@RegisterForReflection(targets = {
        AlertEvent.class, DeadLetter.class, ImageMetadata.class, ModelManifest.class, ModelStatus.class,
        PreprocessedImage.class, PreprocessingStep.class, RawImageHeaders.class, ScoreEvent.class, ValidationRoc.class,
        BodyPart.class, ImageFormat.class, RejectionReason.class,
        ImageAccepted.class, Problem.class,
        ImageTrace.class, FeedItem.class, DeadLetteredImage.class, PipelineActivity.Summary.class,
        BodyPartCounts.Snapshot.class, ModelCatalog.ModelVersion.class, ModelCatalog.Role.class})
public final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
