package org.xray.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.xray.contracts.Limits;
import org.xray.contracts.kafka.ClientSizing;
import org.xray.kafka.testkit.KafkaBrokerTestResource;

/** The Kafka client sizes in application.properties must admit what the image topics admit, no less. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class KafkaClientSizingTest {

    private final Config config = ConfigProvider.getConfig();

    @Test
    void producersAndBridgeConsumerAreSizedForTheImageTopics() {
        Map<String, String> producer = ClientSizing.producer(Limits.IMAGE_MAX_MESSAGE_BYTES);
        Map<String, String> consumer = ClientSizing.consumer(Limits.IMAGE_MAX_MESSAGE_BYTES);
        for (String channel : new String[] {"images-raw", "pacs-images-dlq"}) {
            assertThat(value("mp.messaging.outgoing." + channel + ".max.request.size"))
                    .as(channel).isEqualTo(producer.get("max.request.size"));
            assertThat(value("mp.messaging.outgoing." + channel + ".buffer.memory"))
                    .as(channel).isEqualTo(producer.get("buffer.memory"));
        }
        assertThat(value("mp.messaging.incoming.pacs-images.max.partition.fetch.bytes"))
                .isEqualTo(consumer.get("max.partition.fetch.bytes"));
        assertThat(Long.parseLong(value("mp.messaging.incoming.pacs-images.fetch.max.bytes")))
                .isGreaterThanOrEqualTo(Long.parseLong(consumer.get("fetch.max.bytes")));
    }

    @Test
    void imageLimitLeavesTheRecordHeadroom() {
        int maxImageBytes = config.getValue("xray.ingest.max-image-bytes", Integer.class);
        assertThat(maxImageBytes).isLessThanOrEqualTo(Limits.MAX_IMAGE_BYTES);
    }

    private String value(String key) {
        return config.getValue(key, String.class);
    }
}
