package org.xray.kafka.testkit;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.xray.contracts.kafka.Topics;

/**
 * Creates the system's topics, with their settings, on an existing Kafka cluster (topics auto-created by a broker
 * would get its 1 MiB default message size and refuse most radiographs).
 *
 * <p>Usage: {@code CreateTopicsMain <bootstrap servers> [replication factor, default 3]}.
 */
public final class CreateTopicsMain {

    private CreateTopicsMain() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: CreateTopicsMain <bootstrap servers> [replication factor, default 3]");
            System.exit(2);
        }
        short replicationFactor = Short.parseShort(args.length > 1 ? args[1] : "3");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            List<String> created = TopicProvisioner.createMissing(admin, Topics.specs(), replicationFactor);
            System.out.println(created.isEmpty()
                    ? "All " + Topics.specs().size() + " topics already exist."
                    : "Created " + created.size() + " topics: " + String.join(", ", created));
        }
    }
}
