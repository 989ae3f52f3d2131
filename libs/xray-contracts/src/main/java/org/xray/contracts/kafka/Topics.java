package org.xray.contracts.kafka;

import java.util.ArrayList;
import java.util.List;
import org.xray.contracts.Limits;

/**
 * Topic names, and {@link #specs()}: the single source of topic settings that the embedded broker, docker-compose
 * and the Kubernetes manifests must all match.
 */
public final class Topics {

    /** Where the PACS bridge reads images by default; a PACS or router writes here in the raw-image contract. */
    public static final String PACS_IMAGES = "pacs.images";
    public static final String RAW_IMAGES = "xray.images.raw";
    public static final String PREPROCESSED_IMAGES = "xray.images.preprocessed";
    public static final String SCORES = "xray.scores";
    public static final String ALERTS = "xray.alerts";
    /** Scores of challenger model versions, when scorers shadow-score them; never alerts. */
    public static final String SHADOW_SCORES = "xray.scores.shadow";
    /** Compacted, keyed by {@link org.xray.contracts.events.ModelManifest#topicKey()}: each model's published versions. */
    public static final String MODELS = "xray.models";
    /** Compacted, keyed by {@code name@version}: the model bundles. Retired versions are removed by tombstones. */
    public static final String MODEL_ARTIFACTS = "xray.model-artifacts";

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    // Partitions are the unit of scale: up to this many scorers in one group share a stream topic. Keys are study
    // UIDs, so a study's images stay in one partition, in order.
    private static final int STREAM_PARTITIONS = 6;
    // Model topics are a handful of small-volume keys that every scorer reads in full: one partition keeps one order.
    private static final int MODEL_PARTITIONS = 1;

    private static final List<TopicSpec> INPUTS = List.of(
            new TopicSpec(PACS_IMAGES, STREAM_PARTITIONS, false, Limits.IMAGE_MAX_MESSAGE_BYTES),
            new TopicSpec(RAW_IMAGES, STREAM_PARTITIONS, false, Limits.IMAGE_MAX_MESSAGE_BYTES),
            new TopicSpec(PREPROCESSED_IMAGES, STREAM_PARTITIONS, false, Limits.EVENT_MAX_MESSAGE_BYTES),
            new TopicSpec(SCORES, STREAM_PARTITIONS, false, Limits.EVENT_MAX_MESSAGE_BYTES),
            new TopicSpec(ALERTS, STREAM_PARTITIONS, false, Limits.EVENT_MAX_MESSAGE_BYTES),
            new TopicSpec(SHADOW_SCORES, STREAM_PARTITIONS, false, Limits.EVENT_MAX_MESSAGE_BYTES),
            new TopicSpec(MODELS, MODEL_PARTITIONS, true, Limits.EVENT_MAX_MESSAGE_BYTES),
            new TopicSpec(MODEL_ARTIFACTS, MODEL_PARTITIONS, true, Limits.ARTIFACT_MAX_MESSAGE_BYTES));

    private static final List<TopicSpec> SPECS = withDeadLetters();

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}: where a consumer of it sends what it cannot process. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic the system uses, each followed by its dead-letter topic. */
    public static List<TopicSpec> specs() {
        return SPECS;
    }

    // Every topic is consumed by someone (scores and alerts by dashboards), so every topic gets a dead-letter topic.
    private static List<TopicSpec> withDeadLetters() {
        List<TopicSpec> specs = new ArrayList<>();
        for (TopicSpec input : INPUTS) {
            specs.add(input);
            specs.add(input.deadLetter());
        }
        return List.copyOf(specs);
    }
}
