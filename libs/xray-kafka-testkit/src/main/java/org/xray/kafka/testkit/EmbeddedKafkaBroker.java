package org.xray.kafka.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.xray.contracts.Limits;
import org.xray.contracts.kafka.TopicSpec;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node) running inside this JVM,
 * started from Kafka's own server jars after the same storage format step {@code kafka-storage.sh format} does.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerSettings settings;
    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(BrokerSettings settings, KafkaRaftServer server) {
        this.settings = settings;
        this.server = server;
    }

    /** Formats the data directory when it is new, starts the broker and waits until it answers clients. */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        KafkaConfig config = new KafkaConfig(brokerProperties(settings), false);
        formatIfNew(settings.dataDirectory());
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(settings, server);
        try {
            server.startup();
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public BrokerSettings settings() {
        return settings;
    }

    /** Creates the topics that do not exist yet; existing topics keep their data and settings. */
    public void createTopics(Collection<TopicSpec> specs) {
        try (Admin admin = admin()) {
            TopicProvisioner.createMissing(admin, specs, (short) 1);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (settings.deleteOnClose()) {
            deleteRecursively(settings.dataDirectory());
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("embedded broker did not become ready within "
                                + READY_TIMEOUT + " at " + bootstrapServers(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded broker", e);
        }
    }

    private static Properties brokerProperties(BrokerSettings settings) {
        String broker = "127.0.0.1:" + settings.port();
        String controller = "127.0.0.1:" + settings.controllerPort();
        String maxRecord = String.valueOf(Limits.ARTIFACT_MAX_MESSAGE_BYTES);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + controller);
        props.put("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
        props.put("advertised.listeners", "PLAINTEXT://" + broker);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", settings.dataDirectory().toAbsolutePath().toString());
        // Topics are created from TopicSpec only, as in production; a typo must fail, not create a topic.
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The per-topic max.message.bytes of TopicSpec decide; the broker-wide ceiling only has to admit them.
        props.put("message.max.bytes", maxRecord);
        props.put("replica.fetch.max.bytes", maxRecord);
        // The default 128 MiB compaction buffer is sized for a dedicated host, not a process shared with tests.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return props;
    }

    private static void formatIfNew(Path dataDirectory) {
        String directory = dataDirectory.toAbsolutePath().toString();
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(directory))
                    .setMetadataLogDirectory(directory)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka data directory " + directory, e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
