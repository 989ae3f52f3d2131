package org.xray.scoring.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.xray.kafka.testkit.KafkaBrokerTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class ModelsReadinessCheckTest {

    @Test
    void isReadyOnceThePublishedModelsAreLoadedAndReportsThemWithKafka() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItem("models")).body("checks.name", hasItem(
                        "Kafka connection health check")));
    }

    @Test
    void livenessAndMetricsAreServed() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
