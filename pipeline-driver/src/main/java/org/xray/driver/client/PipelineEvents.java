package org.xray.driver.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.xray.contracts.Limits;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ScoreEvent;
import org.xray.contracts.json.EventFormatException;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.Topics;

/**
 * Score events and alerts as they are published from now on, handed to a listener on a thread of their own. The
 * consumer has no group: it commits nothing and takes no partition from anyone.
 */
public final class PipelineEvents implements AutoCloseable {

    /** Called on the events thread, in the order each topic partition delivers. */
    public interface Listener {

        /** @param arrivalNanos {@link System#nanoTime()} when the event was received here */
        void onScore(ScoreEvent score, long arrivalNanos);

        void onAlert(AlertEvent alert);
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private PipelineEvents(KafkaConsumer<String, byte[]> consumer, Listener listener) {
        this.consumer = consumer;
        this.thread = new Thread(() -> pollUntilClosed(listener), "pipeline-events");
        this.thread.setDaemon(true);
    }

    /** Starts following both topics at their current ends. */
    public static PipelineEvents follow(String bootstrapServers, Listener listener) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Limits.EVENT_MAX_MESSAGE_BYTES),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.SCORES, Topics.ALERTS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fixes "the end" now, not at the first poll
        PipelineEvents events = new PipelineEvents(consumer, listener);
        events.thread.start();
        return events;
    }

    private void pollUntilClosed(Listener listener) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    long arrival = System.nanoTime();
                    try {
                        if (record.topic().equals(Topics.SCORES)) {
                            listener.onScore(EventJson.fromBytes(record.value(), ScoreEvent.class), arrival);
                        } else {
                            listener.onAlert(EventJson.fromBytes(record.value(), AlertEvent.class));
                        }
                    } catch (EventFormatException e) {
                        System.err.println("skipping a record on " + record.topic() + " that is not a valid event: "
                                + e.getMessage());
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll up
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
