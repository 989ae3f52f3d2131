package org.xray.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import org.xray.contracts.RejectionReason;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final Instant AT = Instant.parse("2024-05-01T10:15:31Z");

    @Test
    void headersCarryTheStableReasonCodeAndWhereTheRecordCameFrom() {
        DeadLetter letter = new DeadLetter(RejectionReason.UNSUPPORTED_TRANSFER_SYNTAX,
                "transfer syntax 1.2.840.10008.1.2.4.90 (JPEG 2000) is not supported", "preprocess-service",
                "xray.images.raw", 3, 42, AT);

        assertThat(letter.toHeaders()).containsExactly(
                entry("xray-error-reason", "unsupported-transfer-syntax"),
                entry("xray-error-message",
                        "transfer syntax 1.2.840.10008.1.2.4.90 (JPEG 2000) is not supported"),
                entry("xray-error-service", "preprocess-service"),
                entry("xray-error-topic", "xray.images.raw"),
                entry("xray-error-partition", "3"),
                entry("xray-error-offset", "42"),
                entry("xray-error-at", "2024-05-01T10:15:31Z"));
    }

    @Test
    void longMessageIsCutToKeepTheRecordWithinItsHeadroom() {
        DeadLetter letter = new DeadLetter(RejectionReason.PROCESSING_FAILED, "x".repeat(10_000), "scoring-service",
                "xray.images.preprocessed", 0, 0, AT);

        assertThat(letter.message()).hasSize(DeadLetter.MAX_MESSAGE_CHARS).endsWith("\u2026");
    }
}
