package org.xray.scoring.model;

import java.time.Instant;

/**
 * A model version the scorer would not serve, and why; the previous version, if any, kept serving.
 *
 * @param reason {@code invalid-manifest}, {@code missing-artifact}, {@code invalid-artifact} or {@code load-failed}
 */
public record ModelRefusal(String topicKey, String version, String reason, String message, Instant refusedAt) {
}
