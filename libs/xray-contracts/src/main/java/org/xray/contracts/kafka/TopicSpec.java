package org.xray.contracts.kafka;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xray.contracts.ContractViolationException;

/**
 * One topic's settings. Replication factor and {@code min.insync.replicas} are left to each environment
 * (1 on the embedded broker, 3 on a cluster); everything else is fixed here.
 *
 * @param compacted {@code cleanup.policy=compact}: the topic holds the latest value per key, not a stream
 */
public record TopicSpec(String name, int partitions, boolean compacted, int maxMessageBytes) {

    /** How long a stream topic keeps records: a week for replays and for operators to work through dead letters. */
    public static final Duration STREAM_RETENTION = Duration.ofDays(7);

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new ContractViolationException("TopicSpec.name must not be blank");
        }
        if (partitions < 1 || maxMessageBytes < 1) {
            throw new ContractViolationException("TopicSpec " + name + " needs partitions >= 1 and maxMessageBytes >= 1");
        }
    }

    /**
     * The topic's dead-letter topic. It keeps the input's partition count so a rejected record, under the same key,
     * lands in the same partition number and a replay keeps each study's order. It is never compacted: every
     * rejection is an incident to keep, not a value to overwrite.
     */
    public TopicSpec deadLetter() {
        return new TopicSpec(Topics.deadLetter(name), partitions, false, maxMessageBytes);
    }

    /** The topic-level configs to create the topic with, in a stable order. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("max.message.bytes", Integer.toString(maxMessageBytes));
        if (compacted) {
            configs.put("cleanup.policy", "compact");
            // A value stays uncompacted for a minute, so a consumer just behind still sees each version once...
            configs.put("min.compaction.lag.ms", Long.toString(Duration.ofMinutes(1).toMillis()));
            // ...and superseded versions (up to 64 MiB bundles) are gone within the hour instead of lingering
            // in the active segment until it rolls (7 days by default).
            configs.put("max.compaction.lag.ms", Long.toString(Duration.ofHours(1).toMillis()));
            // Tiny, rarely written topics: compact as soon as a tenth of the log is superseded.
            configs.put("min.cleanable.dirty.ratio", "0.1");
            // A tombstone (a withdrawn model) stays a day, so any consumer less than a day behind sees it.
            configs.put("delete.retention.ms", Long.toString(Duration.ofDays(1).toMillis()));
        } else {
            configs.put("cleanup.policy", "delete");
            configs.put("retention.ms", Long.toString(STREAM_RETENTION.toMillis()));
        }
        return Collections.unmodifiableMap(configs);
    }
}
