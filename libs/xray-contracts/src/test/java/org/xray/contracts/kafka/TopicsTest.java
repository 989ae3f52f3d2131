package org.xray.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private static final Map<String, TopicSpec> BY_NAME =
            Topics.specs().stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));

    @Test
    void specsListEveryTopicOnceWithItsDeadLetterTopic() {
        assertThat(Topics.specs()).extracting(TopicSpec::name).doesNotHaveDuplicates().containsExactly(
                "pacs.images", "pacs.images.dlq",
                "xray.images.raw", "xray.images.raw.dlq",
                "xray.images.preprocessed", "xray.images.preprocessed.dlq",
                "xray.scores", "xray.scores.dlq",
                "xray.alerts", "xray.alerts.dlq",
                "xray.scores.shadow", "xray.scores.shadow.dlq",
                "xray.models", "xray.models.dlq",
                "xray.model-artifacts", "xray.model-artifacts.dlq");
    }

    @Test
    void everyInputTopicHasADeadLetterTopicWithTheSamePartitionsAndSize() {
        List<TopicSpec> inputs = Topics.specs().stream().filter(spec -> !spec.name().endsWith(".dlq")).toList();

        assertThat(inputs).hasSize(8).allSatisfy(input -> {
            TopicSpec dlq = BY_NAME.get(Topics.deadLetter(input.name()));
            assertThat(dlq).as("dead-letter topic of %s", input.name()).isNotNull();
            assertThat(dlq.partitions()).isEqualTo(input.partitions());
            assertThat(dlq.maxMessageBytes()).isEqualTo(input.maxMessageBytes());
            assertThat(dlq.configs()).containsEntry("cleanup.policy", "delete");
        });
    }

    @Test
    void modelTopicsAreCompactedSinglePartitionTopics() {
        for (String name : List.of(Topics.MODELS, Topics.MODEL_ARTIFACTS)) {
            TopicSpec spec = BY_NAME.get(name);
            assertThat(spec.partitions()).isEqualTo(1);
            assertThat(spec.configs())
                    .containsEntry("cleanup.policy", "compact")
                    .containsEntry("min.compaction.lag.ms", "60000")
                    .containsEntry("max.compaction.lag.ms", "3600000")
                    .doesNotContainKey("retention.ms");
        }
    }

    @Test
    void streamTopicsHaveSixPartitionsAndAWeeksRetention() {
        for (String name : List.of(Topics.PACS_IMAGES, Topics.RAW_IMAGES, Topics.PREPROCESSED_IMAGES, Topics.SCORES,
                Topics.ALERTS)) {
            TopicSpec spec = BY_NAME.get(name);
            assertThat(spec.partitions()).isEqualTo(6);
            assertThat(spec.configs())
                    .containsEntry("cleanup.policy", "delete")
                    .containsEntry("retention.ms", "604800000");
        }
    }

    @Test
    void maxMessageBytesLeaveAMebibyteOverThePayloadLimit() {
        assertThat(BY_NAME.get(Topics.RAW_IMAGES).configs()).containsEntry("max.message.bytes", "17825792");
        assertThat(BY_NAME.get(Topics.PACS_IMAGES).configs()).containsEntry("max.message.bytes", "17825792");
        assertThat(BY_NAME.get("xray.images.raw.dlq").configs()).containsEntry("max.message.bytes", "17825792");
        assertThat(BY_NAME.get(Topics.MODEL_ARTIFACTS).configs()).containsEntry("max.message.bytes", "68157440");
        assertThat(BY_NAME.get(Topics.SCORES).configs()).containsEntry("max.message.bytes", "2097152");
    }

    @Test
    void deadLetterNameAppendsDlq() {
        assertThat(Topics.deadLetter("xray.scores")).isEqualTo("xray.scores.dlq");
    }
}
