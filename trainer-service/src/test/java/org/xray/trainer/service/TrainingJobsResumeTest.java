package org.xray.trainer.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.xray.kafka.testkit.KafkaBrokerTestResource;
import org.xray.trainer.InterruptedJobResource;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(value = InterruptedJobResource.class, restrictToAnnotatedClass = true)
class TrainingJobsResumeTest {

    @Test
    void aRestartedTrainerResumesTheJobItWasRunningAndMakesOnlyTheModelsItHadNotPublished() {
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/api/v1/training-jobs/" + InterruptedJobResource.JOB_ID).then().statusCode(200)
                        .body("state", equalTo("SUCCEEDED")).body("resumed", equalTo(true))
                        .body("version", equalTo("resume-v1"))
                        .body("published", hasSize(2))
                        .body("published[0].reason", equalTo("published before the restart"))
                        .body("published[1].name", equalTo("fanogan/XR_WRIST")));
    }
}
