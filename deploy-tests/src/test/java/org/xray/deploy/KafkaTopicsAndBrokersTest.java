package org.xray.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.xray.contracts.kafka.TopicSpec;
import org.xray.contracts.kafka.Topics;

/**
 * Topics and brokers in docker-compose.yml and k8s/ against the one source of topic settings,
 * {@link Topics#specs()}, which the embedded broker creates its topics from (EmbeddedKafkaBrokerTest checks that).
 */
class KafkaTopicsAndBrokersTest {

    @Test
    void kubernetesKafkaTopicsAreExactlyTopicsSpecs() {
        Map<String, String> actual = new TreeMap<>();
        for (KafkaTopic topic : KubernetesManifests.all(KafkaTopic.class).toList()) {
            String name = topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
            Map<String, String> configs = new TreeMap<>();
            topic.getSpec().getConfig().forEach((key, value) -> configs.put(key, String.valueOf(value)));
            assertThat(actual.put(name, describe(topic.getSpec().getPartitions(), configs))).as("topic " + name + " twice").isNull();
        }
        assertThat(actual).as("KafkaTopics vs Topics.specs(); expected:\n" + expected()).isEqualTo(expected());
    }

    @Test
    void composeInitialisationCreatesExactlyTopicsSpecs() {
        Map<String, String> actual = new TreeMap<>();
        for (List<String> command : composeCreateCommands()) {
            Map<String, String> configs = new TreeMap<>();
            for (int i = 2; i < command.size(); i += 2) {
                assertThat(command.get(i)).isEqualTo("--config");
                String[] keyAndValue = command.get(i + 1).split("=", 2);
                configs.put(keyAndValue[0], keyAndValue[1]);
            }
            assertThat(actual.put(command.get(0), describe(Integer.parseInt(command.get(1)), configs)))
                    .as("topic " + command.get(0) + " twice").isNull();
        }
        assertThat(actual).as("kafka-init-topics vs Topics.specs(); expected:\n" + expected()).isEqualTo(expected());
    }

    @Test
    void everyTopicAServiceUsesIsProvisioned() {
        Set<String> known = Topics.specs().stream().map(TopicSpec::name).collect(Collectors.toSet());
        for (String service : Repository.SERVICES) {
            assertThat(ServiceJar.named(service).channelTopics()).as(service + "'s channel topics").isSubsetOf(known);
        }
        KubernetesManifests.scaledObjects().forEach(scaledObject -> assertThat(known)
                .contains(scaledObject.tree().path("spec").path("triggers").get(0).path("metadata").path("topic").asText()));
    }

    @Test
    void theBrokersRunTheKafkaVersionWeBuildAgainst() {
        String version = AppInfoParser.getVersion();
        assertThat(ComposeFile.service("kafka").path("image").asText()).isEqualTo("apache/kafka:" + version);
        assertThat(ComposeFile.service("kafka-init-topics").path("image").asText()).isEqualTo("apache/kafka:" + version);
        // Strimzi runs only the Kafka releases it lists: the cluster may be an earlier patch release of the same line.
        String line = version.substring(0, version.lastIndexOf('.') + 1);
        assertThat(KubernetesManifests.all(Kafka.class)).singleElement()
                .satisfies(kafka -> assertThat(kafka.getSpec().getKafka().getVersion()).startsWith(line));
    }

    @Test
    void theBrokersAdmitTheLargestTopicMessageAndCreateNoTopicsThemselves() {
        int largest = Topics.specs().stream().mapToInt(TopicSpec::maxMessageBytes).max().orElseThrow();
        Map<String, String> compose = ComposeFile.environment("kafka");
        assertThat(compose).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(Integer.parseInt(compose.get("KAFKA_MESSAGE_MAX_BYTES"))).isGreaterThanOrEqualTo(largest);
        assertThat(Integer.parseInt(compose.get("KAFKA_REPLICA_FETCH_MAX_BYTES"))).isGreaterThanOrEqualTo(largest);

        Map<String, Object> cluster = KubernetesManifests.all(Kafka.class).findFirst().orElseThrow().getSpec().getKafka().getConfig();
        assertThat(cluster).containsEntry("auto.create.topics.enable", false);
        assertThat(((Number) cluster.get("message.max.bytes")).intValue()).isGreaterThanOrEqualTo(largest);
        assertThat(((Number) cluster.get("replica.fetch.max.bytes")).intValue()).isGreaterThanOrEqualTo(largest);
    }

    @Test
    void kubernetesTopicsSurviveTheLossOfABroker() {
        int brokers = KubernetesManifests.all(KafkaNodePool.class)
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        int minInSync = ((Number) KubernetesManifests.all(Kafka.class).findFirst().orElseThrow()
                .getSpec().getKafka().getConfig().get("min.insync.replicas")).intValue();
        KubernetesManifests.all(KafkaTopic.class).forEach(topic -> assertThat(topic.getSpec().getReplicas())
                .as(topic.getMetadata().getName()).isLessThanOrEqualTo(brokers).isGreaterThan(minInSync));
    }

    // The create() lines of the kafka-init-topics command: topic, partitions, then --config key=value pairs.
    private static List<List<String>> composeCreateCommands() {
        List<List<String>> commands = new ArrayList<>();
        String script = ComposeFile.service("kafka-init-topics").path("command").get(0).asText();
        for (String line : script.lines().map(String::trim).toList()) {
            if (line.startsWith("create ")) {
                commands.add(List.of(line.substring("create ".length()).split("\\s+")));
            }
        }
        return commands;
    }

    private static Map<String, String> expected() {
        Map<String, String> expected = new TreeMap<>();
        Topics.specs().forEach(spec -> expected.put(spec.name(), describe(spec.partitions(), new LinkedHashMap<>(spec.configs()))));
        return expected;
    }

    // One comparable line per topic: partitions and every topic-level config, sorted.
    private static String describe(int partitions, Map<String, String> configs) {
        return "partitions=" + partitions + " " + new TreeMap<>(configs);
    }
}
