package org.xray.kafka.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.contracts.Limits;
import org.xray.contracts.kafka.TopicSpec;
import org.xray.contracts.kafka.Topics;

class EmbeddedKafkaBrokerTest {

    @Test
    void createsEverySystemTopicWithItsSettings() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.ephemeral())) {
            broker.createTopics(Topics.specs());
            try (Admin client = broker.admin()) {
                Set<String> names = client.listTopics().names().get(30, TimeUnit.SECONDS);
                for (TopicSpec spec : Topics.specs()) {
                    assertThat(names).contains(spec.name());
                    TopicDescription description = client.describeTopics(List.of(spec.name()))
                            .allTopicNames().get(30, TimeUnit.SECONDS).get(spec.name());
                    assertThat(description.partitions()).as(spec.name()).hasSize(spec.partitions());
                    Config config = topicConfig(client, spec.name());
                    spec.configs().forEach((key, value) ->
                            assertThat(config.get(key).value()).as(spec.name() + " " + key).isEqualTo(value));
                }
                assertThat(topicConfig(client, Topics.MODELS).get("cleanup.policy").value()).isEqualTo("compact");
            }
        }
    }

    @Test
    void carriesAnImageOfTheMaximumSizeEndToEnd() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.ephemeral())) {
            broker.createTopics(Topics.specs());
            byte[] image = new byte[Limits.MAX_IMAGE_BYTES];
            Arrays.fill(image, (byte) 7);

            produce(broker, Topics.RAW_IMAGES, "study-1", image);

            List<ConsumerRecord<String, byte[]>> records = consumeAll(broker, Topics.RAW_IMAGES, 1);
            assertThat(records.get(0).value()).isEqualTo(image);
        }
    }

    @Test
    void persistentBrokerKeepsTopicsAndRecordsAcrossARestart(@TempDir Path dataDirectory) {
        BrokerSettings ports = BrokerSettings.ephemeral();
        BrokerSettings settings = BrokerSettings.persistent(ports.port(), ports.controllerPort(), dataDirectory);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings)) {
            broker.createTopics(Topics.specs());
            produce(broker, Topics.ALERTS, "study-9", new byte[] {1, 2, 3});
        }
        assertThat(Files.exists(dataDirectory.resolve("meta.properties"))).isTrue();

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(settings)) {
            restarted.createTopics(Topics.specs());
            List<ConsumerRecord<String, byte[]>> records = consumeAll(restarted, Topics.ALERTS, 1);
            assertThat(records).extracting(ConsumerRecord::key).containsExactly("study-9");
        }
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, String key, byte[] value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Limits.IMAGE_MAX_MESSAGE_BYTES);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consumeAll(EmbeddedKafkaBroker broker, String topic,
                                                                   int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Limits.IMAGE_MAX_MESSAGE_BYTES);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        assertThat(records).as("records on " + topic).hasSize(expected);
        return records;
    }
}
