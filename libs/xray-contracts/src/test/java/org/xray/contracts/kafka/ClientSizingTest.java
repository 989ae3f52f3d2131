package org.xray.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xray.contracts.Limits;

class ClientSizingTest {

    @Test
    void producerRequestSizeMatchesTheTopicLimit() {
        assertThat(ClientSizing.producer(Limits.IMAGE_MAX_MESSAGE_BYTES))
                .containsEntry("max.request.size", "17825792")
                .containsEntry("buffer.memory", "35651584");
    }

    @Test
    void producerBufferHoldsTwoArtifacts() {
        assertThat(ClientSizing.producer(Limits.ARTIFACT_MAX_MESSAGE_BYTES))
                .containsEntry("max.request.size", "68157440")
                .containsEntry("buffer.memory", "136314880");
    }

    @Test
    void producerBufferNeverDropsBelowKafkasDefault() {
        assertThat(ClientSizing.producer(Limits.EVENT_MAX_MESSAGE_BYTES)).containsEntry("buffer.memory", "33554432");
    }

    @Test
    void consumerFetchesHoldAWholeRecord() {
        assertThat(ClientSizing.consumer(Limits.ARTIFACT_MAX_MESSAGE_BYTES))
                .containsEntry("max.partition.fetch.bytes", "68157440")
                .containsEntry("fetch.max.bytes", "68157440");
        assertThat(ClientSizing.consumer(Limits.IMAGE_MAX_MESSAGE_BYTES))
                .containsEntry("max.partition.fetch.bytes", "17825792")
                .containsEntry("fetch.max.bytes", "52428800");
    }
}
