package org.xray.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.xray.contracts.RejectionReason;
import org.xray.contracts.kafka.XrayHeaders;

class DeadLettersTest {

    @Test
    void keepsTheRecordsOwnHeadersAndAddsWhyAndWhere() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("xray.images.raw", 3, 42L, "study", new byte[] {1});
        record.headers().add("ce_id", "event-1".getBytes(StandardCharsets.UTF_8));

        Headers headers = DeadLetters.headers(record, RejectionReason.CORRUPT, "PNG is truncated", "preprocess-service");

        assertThat(KafkaHeaderMaps.lastValue(headers, "ce_id")).contains("event-1");
        assertThat(KafkaHeaderMaps.lastValue(headers, XrayHeaders.ERROR_REASON)).contains("corrupt");
        assertThat(KafkaHeaderMaps.lastValue(headers, XrayHeaders.ERROR_MESSAGE)).contains("PNG is truncated");
        assertThat(KafkaHeaderMaps.lastValue(headers, XrayHeaders.ERROR_SERVICE)).contains("preprocess-service");
        assertThat(KafkaHeaderMaps.lastValue(headers, XrayHeaders.ERROR_TOPIC)).contains("xray.images.raw");
        assertThat(KafkaHeaderMaps.lastValue(headers, XrayHeaders.ERROR_PARTITION)).contains("3");
        assertThat(KafkaHeaderMaps.lastValue(headers, XrayHeaders.ERROR_OFFSET)).contains("42");
        assertThat(record.headers().lastHeader(XrayHeaders.ERROR_REASON)).as("input record untouched").isNull();
    }
}
