package org.xray.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.xray.anomaly.bundle.ModelManifests;
import org.xray.contracts.Limits;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.EventTypes;
import org.xray.contracts.kafka.Topics;
import org.xray.kafka.testkit.BrokerSettings;
import org.xray.kafka.testkit.EmbeddedKafkaBroker;

/**
 * The whole scoring path running for real, once per test JVM: a Kafka broker (KRaft) in this JVM with the system's
 * topics; ingest-service, preprocess-service and scoring-service as child processes from their built jars, on free
 * ports, configured through environment variables; and a tiny f-AnoGAN hand model, trained here and published as
 * the trainer publishes, that the scorer serves. Started by the first {@link #shared()} call, stopped when the JVM
 * exits. Each service's output goes to {@code target/system-logs/<service>.log}.
 *
 * <p>The fixtures are two synthetic hand radiographs the model scores on either side of its threshold: the normal
 * one below, the abnormal one (a finger radiograph sent as a hand) above.
 */
public final class RunningSystem {

    private static final Path REPOSITORY = Path.of(System.getProperty("xray.repository", ".."));
    private static final Path LOGS = Path.of("target", "system-logs");
    private static final Path FIXTURES = Path.of("target", "system-fixtures");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration MODEL_LOAD_TIMEOUT = Duration.ofSeconds(60);
    private static final String PUBLISHER = "system-tests";
    /**
     * The broker in this JVM and the Kafka clients log every partition and setting at INFO; the services log to
     * their own files. Held here so the configured loggers are not collected with their levels.
     */
    private static final List<Logger> QUIETED_LOGGERS = warningsOnly("org.apache.kafka", "kafka",
            "state.change.logger");

    /** What has been started, newest first; stopped when the JVM exits, or at once when the start fails. */
    private static final Deque<AutoCloseable> STARTED = new ConcurrentLinkedDeque<>();
    private static RunningSystem shared;
    private static RuntimeException startFailure;

    private final String bootstrapServers;
    private final ServiceProcess ingest;
    private final ServiceProcess scoring;
    private final String apiToken;
    private final ModelManifest handModel;
    private final byte[] normalHandPng;
    private final byte[] abnormalHandPng;
    private final Path abnormalHandPngFile;

    private RunningSystem(String bootstrapServers, ServiceProcess ingest, ServiceProcess scoring, String apiToken,
                          ModelManifest handModel, byte[] normalHandPng, byte[] abnormalHandPng,
                          Path abnormalHandPngFile) {
        this.bootstrapServers = bootstrapServers;
        this.ingest = ingest;
        this.scoring = scoring;
        this.apiToken = apiToken;
        this.handModel = handModel;
        this.normalHandPng = normalHandPng;
        this.abnormalHandPng = abnormalHandPng;
        this.abnormalHandPngFile = abnormalHandPngFile;
    }

    /**
     * The system of this JVM, started on the first call (about a minute); a failed start fails every later call the
     * same way, without starting again.
     */
    public static synchronized RunningSystem shared() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (shared == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(RunningSystem::stopAll, "running-system-stop"));
            try {
                shared = start();
            } catch (IOException | RuntimeException | Error e) {
                stopAll();
                startFailure = new IllegalStateException("the system under test did not start: " + e.getMessage(), e);
                throw startFailure;
            }
        }
        return shared;
    }

    /** ingest-service's base URL: the intake API, the web app and its API. */
    public URI ingestUrl() {
        return ingest.url();
    }

    /** scoring-service's base URL ({@code /api/v1/models}). */
    public URI scoringUrl() {
        return scoring.url();
    }

    /** A bearer token ingest-service accepts. */
    public String apiToken() {
        return apiToken;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The hand model the scorer serves (name {@code fanogan/XR_HAND}), with its XR_HAND threshold. */
    public ModelManifest handModel() {
        return handModel;
    }

    public double handThreshold() {
        return handModel.thresholds().get("XR_HAND");
    }

    /** A 256 x 256 PNG of a normal hand, scored below the hand model's threshold. */
    public byte[] normalHandPng() {
        return normalHandPng.clone();
    }

    /** A finger radiograph sent as a hand, scored above the hand model's threshold. */
    public byte[] abnormalHandPng() {
        return abnormalHandPng.clone();
    }

    /** {@link #abnormalHandPng()} as a file, for uploads from a browser. */
    public Path abnormalHandPngFile() {
        return abnormalHandPngFile;
    }

    /**
     * A new DICOM Part 10 file of the abnormal hand (CR, body part HAND, made by dcmtk's {@code img2dcm}), with new
     * study and instance UIDs on each call, so that each upload is a new image in a study of its own.
     */
    public Path newAbnormalHandDicomFile() {
        return Img2Dcm.handRadiograph(abnormalHandPng, FIXTURES, "PAT-DICOM-1");
    }

    private static RunningSystem start() throws IOException {
        byte[] signingKey = randomBytes(32);
        String apiToken = "system-test-" + HexFormat.of().formatHex(randomBytes(8));
        EmbeddedKafkaBroker broker = started(EmbeddedKafkaBroker.start(BrokerSettings.ephemeral()));
        broker.createTopics(Topics.specs());
        Files.createDirectories(LOGS);
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        ServiceProcess ingest = started(ServiceProcess.start("ingest-service", REPOSITORY, LOGS, freePort(),
                with(kafka, "XRAY_INGEST_API_TOKENS", apiToken,
                        "XRAY_INGEST_PSEUDONYM_SECRET", HexFormat.of().formatHex(randomBytes(32)))));
        ServiceProcess preprocess = started(ServiceProcess.start("preprocess-service", REPOSITORY, LOGS, freePort(),
                kafka));
        // scoring-service's main sets the ND4J oneDNN flags itself, as for bin/xray-local
        ServiceProcess scoring = started(ServiceProcess.start("scoring-service", REPOSITORY, LOGS, freePort(),
                with(kafka, "XRAY_SCORING_BUNDLE_SIGNING_KEY", HexFormat.of().formatHex(signingKey))));

        // Train while the services start: both take a while, and neither needs the other yet.
        HandImages images = new HandImages();
        TinyHandModel.Signed model = TinyHandModel.trainAndSign(images, version(), signingKey);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (ServiceProcess service : List.of(ingest, preprocess, scoring)) {
            service.awaitReady(http, READY_TIMEOUT);
        }
        ModelManifest manifest = publish(broker.bootstrapServers(), model);
        awaitServed(http, scoring, manifest);

        Files.createDirectories(FIXTURES);
        Path abnormalFile = Files.write(FIXTURES.resolve("abnormal-hand.png"), images.abnormalTestImage());
        System.out.printf(Locale.ROOT, "System running: ingest-service at %s, Kafka at %s, model %s with XR_HAND"
                + " threshold %.4f (normal test image %.4f, abnormal %.4f; validation ROC-AUC %.2f); service logs"
                + " in %s%n", ingest.url(), broker.bootstrapServers(), manifest.artifactKey(), model.threshold(),
                model.normalScore(), model.abnormalScore(), manifest.metrics().get("XR_HAND.rocAuc"),
                LOGS.toAbsolutePath());
        return new RunningSystem(broker.bootstrapServers(), ingest, scoring, apiToken, manifest,
                images.normalTestImage(), images.abnormalTestImage(), abnormalFile.toAbsolutePath());
    }

    /** The signed bundle to {@code xray.model-artifacts}, then its manifest to {@code xray.models}, as the trainer. */
    private static ModelManifest publish(String bootstrapServers, TinyHandModel.Signed model) {
        ModelManifest manifest = ModelManifests.announce(model.bundle().manifest(), model.signedBundle(),
                ModelStatus.CURRENT, Instant.now());
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Limits.ARTIFACT_MAX_MESSAGE_BYTES));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            send(producer, Topics.MODEL_ARTIFACTS, manifest.artifactKey(), model.signedBundle(),
                    EventTypes.MODEL_ARTIFACT, manifest, "application/zip");
            send(producer, Topics.MODELS, manifest.topicKey(), EventJson.toBytes(manifest),
                    EventTypes.MODEL_MANIFEST, manifest, CloudEventHeaders.JSON_CONTENT_TYPE);
        }
        return manifest;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value,
                             String type, ModelManifest manifest, String contentType) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        CloudEventHeaders.binaryMode(manifest.artifactKey(), type, PUBLISHER, manifest.publishedAt(), manifest.name(),
                contentType).forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish " + key + " to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + key, e);
        }
    }

    /** Polls the scorer's models API until it serves {@code manifest}'s version, or says it refused it. */
    private static void awaitServed(HttpClient http, ServiceProcess scoring, ModelManifest manifest) {
        ObjectMapper json = EventJson.mapper();
        HttpRequest models = HttpRequest.newBuilder(scoring.url().resolve("/api/v1/models")).build();
        long deadline = System.nanoTime() + MODEL_LOAD_TIMEOUT.toNanos();
        JsonNode answer = null;
        while (System.nanoTime() < deadline) {
            try {
                answer = json.readTree(http.send(models, HttpResponse.BodyHandlers.ofString()).body());
            } catch (IOException e) {
                throw new UncheckedIOException("scoring-service's models API did not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the hand model", e);
            }
            for (JsonNode refused : answer.path("refused")) {
                if (manifest.version().equals(refused.path("version").asText())) {
                    throw new IllegalStateException("scoring-service refused the hand model: " + refused);
                }
            }
            for (JsonNode loaded : answer.path("loaded")) {
                if (manifest.name().equals(loaded.path("name").asText())
                        && manifest.version().equals(loaded.path("version").asText())) {
                    return;
                }
            }
            ServiceProcess.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("scoring-service did not load " + manifest.artifactKey() + " within "
                + MODEL_LOAD_TIMEOUT.toSeconds() + " s; it lists " + answer + " (log: " + LOGS.toAbsolutePath()
                + "/scoring-service.log)");
    }

    private static <T extends AutoCloseable> T started(T part) {
        STARTED.push(part);
        return part;
    }

    /** Newest first: the services before the broker they use. */
    private static void stopAll() {
        for (AutoCloseable part = STARTED.poll(); part != null; part = STARTED.poll()) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("could not stop " + part + ": " + e);
            }
        }
    }

    private static List<Logger> warningsOnly(String... categories) {
        List<Logger> loggers = Stream.of(categories).map(Logger::getLogger).toList();
        loggers.forEach(logger -> logger.setLevel(Level.WARNING));
        return loggers;
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> merged = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            merged.put(pairs[i], pairs[i + 1]);
        }
        return merged;
    }

    private static String version() {
        return "system-test-" + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
