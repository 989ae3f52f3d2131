package org.xray.scoring.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.xray.evaluation.StudyAggregation;

/** Everything an operator sets for scoring; each key has an environment override (see application.properties). */
@ConfigMapping(prefix = "xray.scoring")
public interface ScoringConfig {

    /** Which algorithm's models serve: an image of body part P is scored by model {@code <algorithm>/P}. */
    @WithDefault("fanogan")
    String algorithm();

    /**
     * The model for images whose body part has no model of its own (UNKNOWN included), e.g. {@code fanogan/ALL}
     * from a trainer run over all body parts. Its threshold for the part is used, else its UNKNOWN threshold.
     */
    @WithName("fallback-model")
    Optional<String> fallbackModel();

    /** Hex HMAC key that bundles must be signed with (the trainer's key); bundles signed otherwise are refused. */
    @WithName("bundle-signing-key")
    String bundleSigningKey();

    /** Scoring threads; each model version keeps one copy per thread because DL4J networks are not thread-safe. */
    @WithDefault("2")
    int workers();

    /** Put the residual heat map (PNG, base64) in each score event. */
    @WithDefault("true")
    boolean heatmap();

    /** Put the model's reconstruction of the image (PNG, base64) in each score event. */
    @WithDefault("true")
    boolean reconstruction();

    /** Also score with each model's challenger version, to {@code xray.scores.shadow}. */
    @WithDefault("false")
    boolean shadow();

    /** How a study's score is made from its images' scores. */
    @WithName("study-aggregation")
    @WithDefault("MAX")
    StudyAggregation studyAggregation();

    /** How many studies' running scores are kept; the least recently seen are forgotten first. */
    @WithName("max-studies")
    @WithDefault("100000")
    int maxStudies();

    /** How long a batch waits for Kafka to acknowledge its score events and alerts before it fails. */
    @WithName("publish-timeout-seconds")
    @WithDefault("30")
    int publishTimeoutSeconds();
}
