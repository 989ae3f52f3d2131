package org.xray.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class OutgoingRecordsTest {

    @Test
    void awaitReturnsOnceAcknowledged() {
        assertThatCode(() -> OutgoingRecords.await(CompletableFuture.completedFuture(null), Duration.ofSeconds(1),
                "image 1")).doesNotThrowAnyException();
    }

    @Test
    void awaitNamesTheRecordWhenKafkaRefusesIt() {
        CompletableFuture<Void> refused = CompletableFuture.failedFuture(new IllegalStateException("record too large"));

        assertThatThrownBy(() -> OutgoingRecords.await(refused, Duration.ofSeconds(1), "image 7"))
                .isInstanceOf(NotAcknowledgedException.class)
                .hasMessageContaining("image 7").hasMessageContaining("record too large");
    }

    @Test
    void awaitGivesUpAfterTheTimeout() {
        assertThatThrownBy(() -> OutgoingRecords.await(new CompletableFuture<>(), Duration.ofMillis(50), "image 8"))
                .isInstanceOf(NotAcknowledgedException.class)
                .hasMessageContaining("did not acknowledge image 8");
    }
}
