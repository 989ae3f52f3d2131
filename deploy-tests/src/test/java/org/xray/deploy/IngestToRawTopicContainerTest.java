package org.xray.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.xray.contracts.kafka.Topics;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.kafka.testkit.TopicProvisioner;

/**
 * The ingest-service image, built from its Dockerfile, against the official Kafka image: a DICOM upload over HTTP
 * lands on xray.images.raw. Runs only where a Docker engine is (skipped on the build machines); the same round trip
 * on the in-JVM broker is covered by ingest-service's own tests
 * (ImageResourceTest.takesDicomMetadataFromTagsAndRemovesPatientIdentifiers).
 */
@Testcontainers(disabledWithoutDocker = true)
class IngestToRawTopicContainerTest {

    private static final String TOKEN = "container-test-token";
    private static final Network NETWORK = Network.newNetwork();

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2")
            .withNetwork(NETWORK)
            .withListener("kafka:19092");

    @Container
    private static final GenericContainer<?> INGEST = new GenericContainer<>(
            new ImageFromDockerfile("xray-anomaly/ingest-service-test", true)
                    .withFileFromPath(".", Repository.ROOT.resolve("ingest-service"))
                    .withDockerfilePath("src/main/docker/Dockerfile.jvm"))
            .withNetwork(NETWORK)
            .dependsOn(KAFKA)
            .withEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092",
                    "XRAY_INGEST_API_TOKENS", TOKEN,
                    "XRAY_INGEST_PSEUDONYM_SECRET", "container-test-pseudonym-secret"))
            .withExposedPorts(ServiceJar.named("ingest-service").httpPort())
            .waitingFor(Wait.forHttp("/q/health/ready").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));

    @Test
    void aDicomUploadLandsOnTheRawTopicWithItsIds() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
            TopicProvisioner.createMissing(admin, Topics.specs(), (short) 1);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://" + INGEST.getHost() + ":" + INGEST.getFirstMappedPort() + "/api/v1/images"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofFile(Repository.ROOT.resolve("testdata/dicom/cr-explicit-le.dcm")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = new ObjectMapper().readTree(response.body());

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "container-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 17825792),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.RAW_IMAGES));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(accepted.path("studyId").asText());
            assertThat(new String(record.headers().lastHeader(XrayHeaders.IMAGE_ID).value(), StandardCharsets.UTF_8))
                    .isEqualTo(accepted.path("imageId").asText());
        });
    }
}
