package org.xray.kafka.testkit;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.xray.contracts.kafka.TopicSpec;

/** Creates the system's topics from their {@link TopicSpec}s on any cluster: embedded, local or production. */
public final class TopicProvisioner {

    private static final long TIMEOUT_SECONDS = 60;

    private TopicProvisioner() {
    }

    /** @return the names of the topics it created; existing topics are left as they are */
    public static List<String> createMissing(Admin admin, Collection<TopicSpec> specs, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(spec.configs()))
                    .toList();
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
