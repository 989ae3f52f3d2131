package org.xray.kafka.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.xray.contracts.kafka.Topics;

/**
 * Starts one real embedded broker per test JVM (shared by every test class of a module), creates the system's
 * topics, points the application at it and injects a {@link KafkaCompanion} into fields annotated
 * {@link InjectKafkaCompanion}. Kafka Dev Services stays off: it needs a Docker engine.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker sharedBroker;

    private KafkaCompanion companion;

    /** The module's broker, started on first use and closed when the test JVM exits. */
    public static synchronized EmbeddedKafkaBroker sharedBroker() {
        if (sharedBroker == null) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.ephemeral());
            broker.createTopics(Topics.specs());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-shutdown"));
            sharedBroker = broker;
        }
        return sharedBroker;
    }

    @Override
    public Map<String, String> start() {
        EmbeddedKafkaBroker broker = sharedBroker();
        companion = new KafkaCompanion(broker.bootstrapServers());
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
    }
}
