package org.xray.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.bundle.ModelBundleWriter;
import org.xray.anomaly.bundle.ModelManifests;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanTrainer;
import org.xray.anomaly.scoring.TrainedModel;
import org.xray.anomaly.scoring.TrainedModels;
import org.xray.anomaly.training.TrainingListener;
import org.xray.contracts.BodyPart;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.SchemaVersion;
import org.xray.contracts.events.ImageMetadata;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.Topics;
import org.xray.imaging.GrayImage;

/** Tiny real f-AnoGAN bundles published the way the trainer publishes them, and preprocessed images to score. */
public final class TestModels {

    public static final int SIZE = 16;
    /** The test profile's bundle signing key (application.properties). */
    public static final byte[] KEY = HexFormat.of()
            .parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestModels() {
    }

    /** An f-AnoGAN of a few hundred parameters; one generator step, so each seed gives a different model. */
    public static TrainedModel model(long seed) {
        return new FAnoGanTrainer(FAnoGanConfig.small().withImageSize(SIZE).withWidths(4, 4, 4).withBatchSize(4)
                .withIterations(1, 1).withSeed(seed)).train((index, size) -> images(size, seed + index),
                TrainingListener.NONE);
    }

    public static ModelBundle bundle(TrainedModel model, String name, String version, Map<String, Double> thresholds) {
        return TrainedModels.toBundle(model, name, version, Map.of("size", Integer.toString(SIZE)), thresholds,
                "test-fingerprint", Map.of(), Map.of(), Instant.parse("2026-11-26T00:00:00Z"));
    }

    /** Publishes the signed bundle, then its manifest, as DESIGN.md says; returns the manifest. */
    public static ModelManifest publish(KafkaCompanion companion, ModelBundle bundle, ModelStatus status) {
        byte[] zip = ModelBundleWriter.write(bundle, KEY);
        ModelManifest manifest = ModelManifests.announce(bundle.manifest(), zip, status, Instant.now());
        produce(companion, Topics.MODEL_ARTIFACTS, manifest.artifactKey(), zip);
        republish(companion, manifest);
        return manifest;
    }

    /** Publishes a manifest (again): how a rollback is done. */
    public static void republish(KafkaCompanion companion, ModelManifest manifest) {
        produce(companion, Topics.MODELS, manifest.topicKey(), EventJson.toBytes(manifest));
    }

    public static void produce(KafkaCompanion companion, String topic, String key, byte[] value) {
        companion.produce(Serdes.String(), Serdes.ByteArray())
                .fromRecords(List.of(new ProducerRecord<>(topic, key, value))).awaitCompletion(TIMEOUT);
    }

    public static PreprocessedImage image(String studyId, BodyPart part, int size, long seed) {
        return image(studyId, part, size, seed, List.of());
    }

    /** @param steps the preprocessing record the image carries */
    public static PreprocessedImage image(String studyId, BodyPart part, int size, long seed,
                                          List<PreprocessingStep> steps) {
        ImageMetadata metadata = new ImageMetadata(UUID.randomUUID().toString(), studyId, part,
                "pk-0123456789abcdef0123456789abcdef", "test", Instant.now(), "4bf92f3577b34da6a3ce929d0e0e4736");
        byte[] pixels = images(1, seed).get(0).pixels();
        byte[] resized = size == SIZE ? pixels : new byte[size * size];
        return new PreprocessedImage(SchemaVersion.CURRENT, metadata, ImageFormat.PNG, size, size,
                Base64.getEncoder().encodeToString(resized), Optional.empty(), steps, Instant.now());
    }

    private static List<GrayImage> images(int count, long seed) {
        Random random = new Random(seed);
        List<GrayImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] pixels = new byte[SIZE * SIZE];
            random.nextBytes(pixels);
            images.add(new GrayImage(SIZE, SIZE, pixels));
        }
        return images;
    }
}
