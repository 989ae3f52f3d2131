package org.xray.kafka.testkit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.xray.contracts.kafka.Topics;

/**
 * Runs the embedded broker standalone for the local stack: fixed ports, a persistent data directory (a restart
 * keeps topics and records), the system's topics created. Stops cleanly on Ctrl-C.
 *
 * <p>Usage: {@code LocalKafkaMain [port] [controllerPort] [dataDirectory]}, defaults {@code 9092 9093 data/kafka}.
 */
public final class LocalKafkaMain {

    private LocalKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        int controllerPort = args.length > 1 ? Integer.parseInt(args[1]) : 9093;
        Path dataDirectory = Path.of(args.length > 2 ? args[2] : "data/kafka");

        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                BrokerSettings.persistent(port, controllerPort, dataDirectory));
        broker.createTopics(Topics.specs());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the embedded Kafka broker...");
            broker.close();
            stopped.countDown();
        }, "embedded-kafka-shutdown"));
        System.out.println("Kafka broker (KRaft) ready at " + broker.bootstrapServers()
                + ", data in " + dataDirectory.toAbsolutePath() + ". Ctrl-C stops it.");
        stopped.await();
    }
}
