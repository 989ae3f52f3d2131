package org.xray.scoring.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.xray.anomaly.nn.NativeThreads;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.scoring.ScoreImages;
import org.xray.contracts.BodyPart;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.SchemaVersion;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ImageMetadata;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.ScoreEvent;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessingRecord;
import org.xray.scoring.config.ScoringConfig;
import org.xray.scoring.model.ModelRoute;
import org.xray.scoring.model.ModelRouter;
import org.xray.scoring.model.NoModelException;
import org.xray.scoring.model.ServedModel;

/**
 * Scores a batch of preprocessed images: routes each to its model version, scores each version's images as one
 * micro-batch, and turns the scores into score events, alerts and shadow scores, in input order.
 */
@ApplicationScoped
public class ImageScoring {

    private static final Logger LOG = Logger.getLogger(ImageScoring.class);

    private final ModelRouter router;
    private final int nativeThreadsPerWorker;
    private final boolean heatmap;
    private final boolean reconstruction;
    private final boolean shadow;
    private final StudyScoreAggregator studies;
    private final StudyScoreAggregator shadowStudies;
    private final Clock clock;

    public ImageScoring(ModelRouter router, ScoringConfig config) {
        this.router = router;
        this.nativeThreadsPerWorker = NativeThreads.perWorker(config.workers());
        this.heatmap = config.heatmap();
        this.reconstruction = config.reconstruction();
        this.shadow = config.shadow();
        this.studies = new StudyScoreAggregator(config.studyAggregation(), config.maxStudies());
        this.shadowStudies = new StudyScoreAggregator(config.studyAggregation(), config.maxStudies());
        this.clock = Clock.systemUTC();
    }

    /**
     * One outcome per image, in order. The study scores the outcomes report are staged: call
     * {@link ScoredBatch#commitStudies()} once they are published.
     */
    public ScoredBatch score(List<PreprocessedImage> images) {
        NativeThreads.limitCurrentThread(nativeThreadsPerWorker);
        List<ScoringOutcome> outcomes = new ArrayList<>(images.size());
        List<ModelRoute> routes = new ArrayList<>(images.size());
        List<GrayImage> pixels = new ArrayList<>(images.size());
        // One route per body part for the whole batch, so a model swap never splits a batch between versions.
        Map<BodyPart, ModelRoute> routeByPart = new EnumMap<>(BodyPart.class);
        for (PreprocessedImage image : images) {
            ModelRoute route = null;
            GrayImage decoded = null;
            ScoringOutcome refusal = null;
            try {
                decoded = grayImage(image);
                route = routeByPart.computeIfAbsent(image.image().bodyPart(), router::route);
                ServedModel served = route.model();
                refusal = sizeMismatch(image, served.manifest())
                        .or(() -> preprocessingMismatch(image, served)).orElse(null);
            } catch (NoModelException e) {
                refusal = new ScoringOutcome.Refused(RejectionReason.NO_MODEL, e.getMessage());
            } catch (IllegalArgumentException e) {
                refusal = new ScoringOutcome.Refused(RejectionReason.INVALID_EVENT, "the pixels do not decode to a "
                        + image.width() + "x" + image.height() + " image: " + e.getMessage());
            }
            routes.add(refusal == null ? route : null);
            pixels.add(decoded);
            outcomes.add(refusal);
        }
        Map<Integer, AnomalyScore> scores = scoreByModel(pixels, routes, outcomes, false);
        Map<Integer, AnomalyScore> shadowScores = shadow ? scoreByModel(pixels, routes, outcomes, true) : Map.of();

        Instant now = clock.instant();
        StudyScoreAggregator.Batch studyBatch = studies.batch();
        StudyScoreAggregator.Batch shadowBatch = shadowStudies.batch();
        for (int i = 0; i < images.size(); i++) {
            if (outcomes.get(i) == null) {
                outcomes.set(i, scored(images.get(i).image(), routes.get(i), scores.get(i), shadowScores.get(i),
                        studyBatch, shadowBatch, now));
            }
        }
        return new ScoredBatch(List.copyOf(outcomes), () -> {
            studyBatch.commit();
            shadowBatch.commit();
        });
    }

    // A score the events cannot carry (NaN from a broken model) refuses the image; a broken challenger only loses
    // its shadow score.
    private ScoringOutcome scored(ImageMetadata image, ModelRoute route, AnomalyScore score,
                                  AnomalyScore challengerScore, StudyScoreAggregator.Batch studyBatch,
                                  StudyScoreAggregator.Batch shadowBatch, Instant now) {
        Outcome current;
        try {
            current = outcome(image, route, score, studyBatch, now);
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot make the score event of image %s", image.imageId());
            return new ScoringOutcome.Refused(RejectionReason.PROCESSING_FAILED, "model "
                    + route.model() + " gave an unusable score: " + e.getMessage());
        }
        Optional<ScoreEvent> shadowScore = Optional.empty();
        if (route.challenger().isPresent() && challengerScore != null) {
            try {
                shadowScore = Optional.of(outcome(image, route.challenger().get(), challengerScore, shadowBatch,
                        now).score());
            } catch (RuntimeException e) {
                LOG.warnf("challenger %s gave an unusable score for image %s: %s", route.challenger().get().model(),
                        image.imageId(), e.getMessage());
            }
        }
        return new ScoringOutcome.Scored(current.score(), current.alert(), shadowScore);
    }

    private static Optional<ScoringOutcome> sizeMismatch(PreprocessedImage image, ModelManifest model) {
        if (image.width() == model.imageSize() && image.height() == model.imageSize()) {
            return Optional.empty();
        }
        return Optional.of(new ScoringOutcome.Refused(RejectionReason.IMAGE_SIZE_MISMATCH, "the image is "
                + image.width() + "x" + image.height() + " but model " + model.artifactKey() + " takes "
                + model.imageSize() + "x" + model.imageSize() + "; set xray.preprocess.size to the model's size"));
    }

    private static Optional<ScoringOutcome> preprocessingMismatch(PreprocessedImage image, ServedModel model) {
        return PreprocessingRecord.mismatch(image.preprocessing(), image.image().bodyPart(), model.preprocessing())
                .map(reason -> new ScoringOutcome.Refused(RejectionReason.PREPROCESSING_MISMATCH, "model "
                        + model.manifest().artifactKey() + ": " + reason));
    }

    // Images that share a version are scored together: micro-batching is where the throughput comes from.
    private Map<Integer, AnomalyScore> scoreByModel(List<GrayImage> images, List<ModelRoute> routes,
                                                    List<ScoringOutcome> outcomes, boolean challengers) {
        Map<ServedModel, List<Integer>> byModel = new IdentityHashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            ModelRoute route = routes.get(i);
            Optional<ServedModel> model = route == null ? Optional.empty()
                    : challengers ? route.challenger().map(ModelRoute::model) : Optional.of(route.model());
            int index = i;
            model.ifPresent(m -> byModel.computeIfAbsent(m, k -> new ArrayList<>()).add(index));
        }
        Map<Integer, AnomalyScore> scores = new HashMap<>();
        byModel.forEach((model, indices) -> {
            List<GrayImage> batch = indices.stream().map(images::get).toList();
            try {
                List<AnomalyScore> scored = model.score(batch);
                for (int k = 0; k < indices.size(); k++) {
                    scores.put(indices.get(k), scored.get(k));
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "model %s failed on a batch of %d images", model, indices.size());
                if (!challengers) {
                    indices.forEach(i -> outcomes.set(i, new ScoringOutcome.Refused(
                            RejectionReason.PROCESSING_FAILED, "model " + model + " failed: " + e)));
                }
            }
        });
        return scores;
    }

    private Outcome outcome(ImageMetadata image, ModelRoute route, AnomalyScore score,
                            StudyScoreAggregator.Batch studyBatch, Instant now) {
        ModelManifest model = route.model().manifest();
        String alertId = AlertEvent.alertId(image.studyId(), model.name(), model.version());
        StudyScoreAggregator.StudyUpdate study = studyBatch.add(alertId, image.imageId(), score.score(),
                route.threshold());
        long latency = Math.max(0, Duration.between(image.receivedAt(), now).toMillis());
        Optional<String> heatmapPng = heatmap ? Optional.of(Base64.getEncoder().encodeToString(
                ScoreImages.heatMapPng(score.residualMap(), model.imageSize()))) : Optional.empty();
        Optional<String> reconstructionPng = reconstruction ? Optional.of(Base64.getEncoder().encodeToString(
                ScoreImages.reconstructionPng(score.reconstruction(), model.imageSize()))) : Optional.empty();
        ScoreEvent event = new ScoreEvent(SchemaVersion.CURRENT, image, model.name(), model.version(),
                score.imageResidual(), score.featureResidual(), score.score(), route.threshold(),
                score.score() >= route.threshold(), study.studyScore(), study.imageCount(), latency, now, heatmapPng,
                reconstructionPng);
        Optional<AlertEvent> alert = study.alertRaised() ? Optional.of(new AlertEvent(SchemaVersion.CURRENT, alertId,
                image.studyId(), image.bodyPart(), image.patientKey(), model.name(), model.version(),
                study.studyScore(), route.threshold(), study.imageCount(), image.imageId(), study.alertRevision(),
                image.traceId(), now)) : Optional.empty();
        return new Outcome(event, alert);
    }

    private static GrayImage grayImage(PreprocessedImage image) {
        return new GrayImage(image.width(), image.height(), image.pixelBytes());
    }

    private record Outcome(ScoreEvent score, Optional<AlertEvent> alert) {
    }

    /** A batch's outcomes, one per image in order, and the commit of the study scores they report. */
    public static final class ScoredBatch {

        private final List<ScoringOutcome> outcomes;
        private final Runnable commit;

        ScoredBatch(List<ScoringOutcome> outcomes, Runnable commit) {
            this.outcomes = outcomes;
            this.commit = commit;
        }

        public List<ScoringOutcome> outcomes() {
            return outcomes;
        }

        /** Makes the batch's study scores and alerts the base of later batches; call once they are published. */
        public void commitStudies() {
            commit.run();
        }
    }
}
