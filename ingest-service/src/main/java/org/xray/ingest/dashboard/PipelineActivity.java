package org.xray.ingest.dashboard;

import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.xray.contracts.BodyPart;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.ScoreEvent;
import org.xray.formats.GrayscalePng;
import org.xray.ingest.config.IngestConfig;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * What the pipeline did recently, as seen on its topics by this replica: the last images with their stages, the
 * alerts of their studies, counts per body part and a live feed. Bounded: the oldest images and alerts are
 * forgotten first. Redelivered events change nothing and are counted once.
 */
@ApplicationScoped
public class PipelineActivity {

    private final Map<String, ImageTrace> images;
    private final Map<String, ImageTrace.Alert> alerts;
    private final Map<BodyPart, BodyPartCounts> counts = new EnumMap<>(BodyPart.class);
    private final Deque<FeedItem> recent = new ArrayDeque<>();
    private final int feedHistory;
    private final BroadcastProcessor<FeedItem> feed = BroadcastProcessor.create();

    @Inject
    public PipelineActivity(IngestConfig config) {
        this(config.dashboard().recentImages(), config.dashboard().feedHistory());
    }

    PipelineActivity(int recentImages, int feedHistory) {
        this.images = boundedMap(recentImages);
        this.alerts = boundedMap(recentImages);
        this.feedHistory = feedHistory;
    }

    public void preprocessed(PreprocessedImage event) {
        ImageTrace.Preprocessed view = new ImageTrace.Preprocessed(event.width(), event.height(),
                Base64.getEncoder().encodeToString(GrayscalePng.encode(event.pixelBytes(), event.width(),
                        event.height())));
        synchronized (this) {
            images.put(event.image().imageId(), trace(event.image().imageId(), () -> ImageTrace.of(event.image()))
                    .withPreprocessed(view));
        }
    }

    public void scored(ScoreEvent event) {
        publish(record(event));
    }

    public void alerted(AlertEvent event) {
        publish(record(event));
    }

    public void rejected(DeadLetteredImage rejection) {
        publish(record(rejection));
    }

    private synchronized Optional<FeedItem> record(ScoreEvent event) {
        ImageTrace trace = trace(event.image().imageId(), () -> ImageTrace.of(event.image()));
        boolean firstScore = trace.score().map(seen -> !seen.modelVersion().equals(event.modelVersion())
                || !seen.modelName().equals(event.modelName())).orElse(true);
        images.put(trace.imageId(), trace.withScore(new ImageTrace.Score(event.modelName(), event.modelVersion(),
                event.score(), event.threshold(), event.anomalous(), event.imageResidual(), event.featureResidual(),
                event.studyScore(), event.studyImageCount(), event.latencyMillis(), event.scoredAt(),
                event.heatmapPng(), event.reconstructionPng())));
        if (!firstScore) {
            return Optional.empty();
        }
        countsOf(event.image().bodyPart()).scored(event.anomalous());
        return remembered(new FeedItem.Scored(event.image().imageId(), event.image().studyId(),
                event.image().bodyPart(), event.modelName(), event.modelVersion(), event.score(), event.threshold(),
                event.anomalous(), event.scoredAt()));
    }

    private synchronized Optional<FeedItem> record(AlertEvent event) {
        ImageTrace.Alert known = alerts.get(event.alertId());
        if (known != null && known.revision() >= event.revision()) {
            return Optional.empty();
        }
        alerts.put(event.alertId(), new ImageTrace.Alert(event.alertId(), event.revision(), event.studyScore(),
                event.threshold(), event.raisedAt()));
        if (known == null) {
            countsOf(event.bodyPart()).alerted();
        }
        return remembered(new FeedItem.Alerted(event.alertId(), event.studyId(), event.bodyPart(), event.modelName(),
                event.modelVersion(), event.studyScore(), event.threshold(), event.revision(), event.raisedAt()));
    }

    private synchronized Optional<FeedItem> record(DeadLetteredImage rejection) {
        if (!DeadLetteredImage.UNKNOWN.equals(rejection.imageId())) {
            ImageTrace trace = trace(rejection.imageId(), () -> ImageTrace.of(rejection.imageId(),
                    rejection.studyId(), rejection.bodyPart(), rejection.at()));
            if (trace.rejection().isPresent()) {
                return Optional.empty();
            }
            images.put(trace.imageId(), trace.withRejection(new ImageTrace.Rejection(rejection.topic(),
                    rejection.reason(), rejection.message())));
        }
        countsOf(rejection.bodyPart()).rejected();
        return remembered(new FeedItem.Rejected(rejection.imageId(), rejection.studyId(), rejection.bodyPart(),
                rejection.topic(), rejection.reason(), rejection.message(), rejection.at()));
    }

    /** The image as far as it got, with its study's alert for the model version that scored it. */
    public synchronized Optional<ImageTrace> image(String imageId) {
        return Optional.ofNullable(images.get(imageId)).map(trace -> trace.score()
                .map(score -> alerts.get(AlertEvent.alertId(trace.studyId(), score.modelName(), score.modelVersion())))
                .map(trace::withAlert)
                .orElse(trace));
    }

    public synchronized Summary summary() {
        Map<BodyPart, BodyPartCounts.Snapshot> snapshot = new EnumMap<>(BodyPart.class);
        counts.forEach((part, count) -> snapshot.put(part, count.snapshot()));
        return new Summary(snapshot, List.copyOf(recent));
    }

    /** New feed items as they happen; a subscriber too slow to take them loses some rather than stalling others. */
    public Multi<FeedItem> feed() {
        return feed.onOverflow().drop();
    }

    /** Counts since this replica started, and the latest feed items, newest first. */
    public record Summary(Map<BodyPart, BodyPartCounts.Snapshot> countsByBodyPart, List<FeedItem> recent) {
    }

    private Optional<FeedItem> remembered(FeedItem item) {
        recent.addFirst(item);
        while (recent.size() > feedHistory) {
            recent.removeLast();
        }
        return Optional.of(item);
    }

    // Outside the view's lock, so that readers of the view never wait for subscribers writing to their connections;
    // under a lock of its own, because two consumer threads publish and a processor takes one item at a time.
    private void publish(Optional<FeedItem> item) {
        item.ifPresent(next -> {
            synchronized (feed) {
                feed.onNext(next);
            }
        });
    }

    private ImageTrace trace(String imageId, Supplier<ImageTrace> first) {
        ImageTrace trace = images.get(imageId);
        return trace != null ? trace : first.get();
    }

    private BodyPartCounts countsOf(BodyPart part) {
        return counts.computeIfAbsent(part, p -> new BodyPartCounts());
    }

    private static <V> Map<String, V> boundedMap(int capacity) {
        return new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
