package org.xray.scoring.model;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The model versions being served, by their {@code xray.models} key, and the ones refused. Swaps are atomic per key:
 * a reader sees the old version or the new one, never a half-loaded one.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final int REFUSALS_KEPT = 50;

    private final ConcurrentMap<String, ServedModel> served = new ConcurrentHashMap<>();
    private final Deque<ModelRefusal> refusals = new ArrayDeque<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    public Optional<ServedModel> serving(String topicKey) {
        return Optional.ofNullable(served.get(topicKey));
    }

    /** Every version being served, by key. */
    public List<ServedModel> served() {
        return served.values().stream().sorted(Comparator.comparing(m -> m.manifest().topicKey())).toList();
    }

    void serve(ServedModel model) {
        served.put(model.manifest().topicKey(), model);
    }

    void retire(String topicKey) {
        served.remove(topicKey);
    }

    void refused(ModelRefusal refusal) {
        synchronized (refusals) {
            if (refusals.size() == REFUSALS_KEPT) {
                refusals.removeFirst();
            }
            refusals.addLast(refusal);
        }
    }

    /** The most recent refusals, oldest first. */
    public List<ModelRefusal> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** Marks that every manifest published before start-up has been loaded or refused. */
    void markCaughtUp() {
        caughtUp.countDown();
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until start-up catch-up is done; true if it is. */
    public boolean awaitCaughtUp(Duration timeout) {
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
