package org.xray.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class RecentImageIdsTest {

    private final RecentImageIds ids = new RecentImageIds(2);

    @Test
    void secondCopyWaitsForTheFirstPublication() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        assertThat(ids.claim("img-1", first)).isEmpty();

        Optional<CompletableFuture<Void>> second = ids.claim("img-1", new CompletableFuture<>());

        assertThat(second).containsSame(first);
        assertThat(second.get()).isNotDone();
        ids.published(first);
        assertThat(second.get()).isCompleted();
    }

    @Test
    void failedPublicationFailsTheWaitingCopyAndFreesTheId() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        ids.claim("img-2", first);
        CompletableFuture<Void> waiting = ids.claim("img-2", new CompletableFuture<>()).orElseThrow();

        ids.failed("img-2", first, new IllegalStateException("broker down"));

        assertThat(waiting).isCompletedExceptionally();
        assertThat(ids.claim("img-2", new CompletableFuture<>())).as("may be sent again").isEmpty();
    }

    @Test
    void forgetsTheOldestPublishedIdsBeyondCapacity() {
        for (String id : new String[] {"a", "b", "c"}) {
            CompletableFuture<Void> publication = new CompletableFuture<>();
            ids.claim(id, publication);
            ids.published(publication);
        }

        assertThat(ids.claim("a", new CompletableFuture<>())).isEmpty();
        assertThat(ids.claim("c", new CompletableFuture<>())).isPresent();
    }
}
