package org.xray.preprocess.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.xray.kafka.testkit.KafkaBrokerTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class ObservabilityTest {

    @Test
    void readinessReportsKafkaAndTheChannels() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Kafka connection health check"))
                .body(containsString("images-raw"));
    }
}
