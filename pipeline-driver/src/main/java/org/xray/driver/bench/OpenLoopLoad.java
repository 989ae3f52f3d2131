package org.xray.driver.bench;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.xray.contracts.BodyPart;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ScoreEvent;
import org.xray.driver.client.IngestClient;
import org.xray.driver.client.PipelineEvents;

/**
 * Offers images to ingest at a fixed rate whatever the system does with them (open loop: a slow answer does not slow
 * the offer down), each as a study of its own, and matches the score events that come back by study id.
 */
final class OpenLoopLoad implements PipelineEvents.Listener {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /** One offered image: when it was sent, and whether its latencies are wanted. */
    private record Sent(long sendNanos, boolean timed) {
    }

    /** How the system kept up during the second half of a step (the first half lets queues settle). */
    record Step(double offeredPerSecond, double scoredPerSecond, long backlogAtHalf, long backlogAtEnd, long errors) {

        /** Scores keep up with the offer and the backlog does not grow by more than a tenth of a second's offer. */
        boolean sustained() {
            return errors == 0 && scoredPerSecond >= 0.95 * offeredPerSecond
                    && backlogAtEnd - backlogAtHalf <= Math.max(2, 0.1 * offeredPerSecond);
        }
    }

    private final IngestClient ingest;
    private final List<byte[]> images;
    private final BodyPart part;
    private final PrintStream out;
    private final String runId = HexFormat.of().toHexDigits(new Random().nextInt());
    private final Map<String, Sent> awaitingScore = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong scored = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final List<Long> sendToScoreMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> eventLatencyMillis = Collections.synchronizedList(new ArrayList<>());

    OpenLoopLoad(IngestClient ingest, List<byte[]> images, BodyPart part, PrintStream out) {
        this.ingest = ingest;
        this.images = images;
        this.part = part;
        this.out = out;
    }

    /**
     * Offers {@code rate} images/s for {@code duration}.
     *
     * @param timed record the ingest-to-score latencies of these images
     */
    Step offer(double rate, Duration duration, boolean timed) {
        long start = System.nanoTime();
        long half = start + duration.toNanos() / 2;
        long end = start + duration.toNanos();
        long errorsBefore = errors.get();
        long sentAtHalf = -1;
        long scoredAtHalf = 0;
        long backlogAtHalf = 0;
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        for (long i = 0; ; i++) {
            long due = start + (long) (i * 1e9 / rate);
            if (due >= end) {
                break;
            }
            if (sentAtHalf < 0 && due >= half) {
                sentAtHalf = sent.get();
                scoredAtHalf = scored.get();
                backlogAtHalf = backlog();
            }
            LockSupport.parkNanos(due - System.nanoTime());
            send(timed);
            if (System.nanoTime() >= nextProgress) {
                printProgress(rate, start, end);
                nextProgress += PROGRESS_EVERY.toNanos();
            }
        }
        LockSupport.parkNanos(end - System.nanoTime());
        double window = (end - half) / 1e9;
        return new Step((sent.get() - sentAtHalf) / window, (scored.get() - scoredAtHalf) / window, backlogAtHalf,
                backlog(), errors.get() - errorsBefore);
    }

    /**
     * Waits until every offered image has been scored (or refused).
     *
     * @return whether that happened within {@code timeout}
     */
    boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (backlog() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return true;
    }

    long backlog() {
        return awaitingScore.size();
    }

    Latencies latencies() {
        return new Latencies(List.copyOf(sendToScoreMillis), List.copyOf(eventLatencyMillis));
    }

    String firstError() {
        return firstError.get();
    }

    @Override
    public void onScore(ScoreEvent score, long arrivalNanos) {
        Sent offered = awaitingScore.remove(score.image().studyId());
        if (offered != null) {
            scored.incrementAndGet();
            if (offered.timed()) {
                sendToScoreMillis.add((arrivalNanos - offered.sendNanos()) / 1_000_000);
                eventLatencyMillis.add(score.latencyMillis());
            }
        }
    }

    @Override
    public void onAlert(AlertEvent alert) {
        // alerts are not measured
    }

    private void send(boolean timed) {
        long n = sent.getAndIncrement();
        String studyId = "bench-" + runId + "-" + n;
        awaitingScore.put(studyId, new Sent(System.nanoTime(), timed));
        ingest.send(images.get((int) (n % images.size())), studyId, part, "bench-patient-" + n % 100)
                .whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() != 202) {
                        awaitingScore.remove(studyId);
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, failure != null ? failure.toString() : describe(response));
                    }
                });
    }

    private void printProgress(double rate, long start, long end) {
        long now = System.nanoTime();
        out.printf(Locale.ROOT, "    %6.1f images/s offered: %3d/%d s, %d sent, %d scored, backlog %d,"
                + " step ETA 0:%02d%n", rate, (now - start) / 1_000_000_000L, (end - start) / 1_000_000_000L,
                sent.get(), scored.get(), backlog(), Math.max(0, (end - now) / 1_000_000_000L));
    }

    private static String describe(HttpResponse<String> response) {
        return "HTTP " + response.statusCode() + ": " + response.body();
    }
}
