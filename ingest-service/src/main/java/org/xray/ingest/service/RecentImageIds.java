package org.xray.ingest.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.xray.ingest.config.IngestConfig;

/**
 * The image ids published recently (bounded, oldest forgotten first), so that a PACS re-sending an instance does
 * not produce a second raw event. Each id maps to its publication: a copy that arrives while the first is still
 * being published waits for it, and is told "duplicate" only once the first is really on Kafka.
 */
@ApplicationScoped
public class RecentImageIds {

    private final Map<String, CompletableFuture<Void>> publications;

    @Inject
    public RecentImageIds(IngestConfig config) {
        this(config.dedupCapacity());
    }

    RecentImageIds(int capacity) {
        this.publications = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Void>> eldest) {
                return size() > capacity && eldest.getValue().isDone();
            }
        };
    }

    /**
     * Claims an id for publication.
     *
     * @return empty when the caller now owns the id and must call {@link #published} or {@link #failed}; otherwise
     *     the earlier publication of the same id, to wait for
     */
    public synchronized Optional<CompletableFuture<Void>> claim(String imageId, CompletableFuture<Void> publication) {
        return Optional.ofNullable(publications.putIfAbsent(imageId, publication));
    }

    public void published(CompletableFuture<Void> publication) {
        publication.complete(null);
    }

    /** Forgets the id, so that the image can be sent again, and fails whoever waits on it. */
    public synchronized void failed(String imageId, CompletableFuture<Void> publication, RuntimeException cause) {
        publications.remove(imageId, publication);
        publication.completeExceptionally(cause);
    }
}
