package org.xray.scoring.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.xray.anomaly.nn.NativeThreads;
import org.xray.anomaly.scoring.AnomalyScore;
import org.xray.anomaly.scoring.ResidualHeatMap;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.SchemaVersion;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ImageMetadata;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.ScoreEvent;
import org.xray.imaging.GrayImage;
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
    private final boolean shadow;
    private final StudyScoreAggregator studies;
    private final StudyScoreAggregator shadowStudies;
    private final Clock clock;

    public ImageScoring(ModelRouter router, ScoringConfig config) {
        this.router = router;
        this.nativeThreadsPerWorker = NativeThreads.perWorker(config.workers());
        this.heatmap = config.heatmap();
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
        for (PreprocessedImage image : images) {
            ModelRoute route = null;
            ScoringOutcome refusal = null;
            try {
                route = router.route(image.image().bodyPart());
                refusal = sizeMismatch(image, route.model().manifest()).orElse(null);
            } catch (NoModelException e) {
                refusal = new ScoringOutcome.Refused(RejectionReason.NO_MODEL, e.getMessage());
            }
            routes.add(refusal == null ? route : null);
            outcomes.add(refusal);
        }
        Map<Integer, AnomalyScore> scores = scoreByModel(images, routes, outcomes, false);
        Map<Integer, AnomalyScore> shadowScores = shadow ? scoreByModel(images, routes, outcomes, true) : Map.of();

        Instant now = clock.instant();
        StudyScoreAggregator.Batch studyBatch = studies.batch();
        StudyScoreAggregator.Batch shadowBatch = shadowStudies.batch();
        for (int i = 0; i < images.size(); i++) {
            if (outcomes.get(i) != null) {
                continue;
            }
            ModelRoute route = routes.get(i);
            ImageMetadata image = images.get(i).image();
            Outcome current = outcome(image, route, scores.get(i), studyBatch, now);
            AnomalyScore challengerScore = shadowScores.get(i);
            Optional<ScoreEvent> shadowScore = route.challenger().filter(c -> challengerScore != null)
                    .map(challenger -> outcome(image, challenger, challengerScore, shadowBatch, now).score());
            outcomes.set(i, new ScoringOutcome.Scored(current.score(), current.alert(), shadowScore));
        }
        return new ScoredBatch(List.copyOf(outcomes), () -> {
            studyBatch.commit();
            shadowBatch.commit();
        });
    }

    private static Optional<ScoringOutcome> sizeMismatch(PreprocessedImage image, ModelManifest model) {
        if (image.width() == model.imageSize() && image.height() == model.imageSize()) {
            return Optional.empty();
        }
        return Optional.of(new ScoringOutcome.Refused(RejectionReason.IMAGE_SIZE_MISMATCH, "the image is "
                + image.width() + "x" + image.height() + " but model " + model.artifactKey() + " takes "
                + model.imageSize() + "x" + model.imageSize() + "; set xray.preprocess.size to the model's size"));
    }

    // Images that share a version are scored together: micro-batching is where the throughput comes from.
    private Map<Integer, AnomalyScore> scoreByModel(List<PreprocessedImage> images, List<ModelRoute> routes,
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
            List<GrayImage> pixels = indices.stream().map(i -> grayImage(images.get(i))).toList();
            try {
                List<AnomalyScore> scored = model.score(pixels);
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
                ResidualHeatMap.png(score.residualMap(), model.imageSize()))) : Optional.empty();
        ScoreEvent event = new ScoreEvent(SchemaVersion.CURRENT, image, model.name(), model.version(),
                score.imageResidual(), score.featureResidual(), score.score(), route.threshold(),
                score.score() >= route.threshold(), study.studyScore(), study.imageCount(), latency, now, heatmapPng);
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
