package org.xray.driver.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraDataset;
import org.xray.datasets.mura.MuraImage;
import org.xray.datasets.mura.MuraStudy;
import org.xray.datasets.mura.Split;
import org.xray.driver.client.IngestClient;
import org.xray.driver.client.ServiceException;
import org.xray.driver.client.Sleep;

/**
 * Sends the valid split's studies of one body part through ingest, normal and abnormal mixed in a shuffled order, a
 * study's images one after another under one study id, at a steady rate; then again in a new order, until stopped.
 * Each pass gets new study ids, so the scorer sees new studies and alerts again.
 */
public final class DemoFeed {

    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(5);

    private final IngestClient ingest;
    private final List<MuraStudy> studies;
    private final BodyPart part;
    private final Duration interval;
    private final LiveTable table;
    private final PrintStream out;
    private final String runId = HexFormat.of().toHexDigits(new Random().nextInt()).substring(0, 6);
    private volatile boolean stopped;

    public DemoFeed(IngestClient ingest, MuraDataset dataset, BodyPart part, double imagesPerSecond, LiveTable table,
                    PrintStream out) {
        this.ingest = ingest;
        this.studies = dataset.studies(Split.VALID).stream().filter(s -> s.bodyPart() == part).toList();
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("the valid split of " + dataset.datasetDir() + " has no " + part
                    + " studies to feed");
        }
        this.part = part;
        this.interval = Duration.ofNanos((long) (1e9 / imagesPerSecond));
        this.table = table;
        this.out = out;
    }

    /** Feeds until {@link #stop()}; images are sent one at a time, each once ingest has accepted the previous one. */
    public void run() {
        Random order = new Random(42);
        for (int pass = 1; !stopped; pass++) {
            List<MuraStudy> shuffled = new ArrayList<>(studies);
            Collections.shuffle(shuffled, order);
            for (MuraStudy study : shuffled) {
                if (stopped) {
                    return;
                }
                send(study, pass);
            }
        }
    }

    public void stop() {
        stopped = true;
    }

    private void send(MuraStudy study, int pass) {
        // study ids: 1-128 of A-Za-z0-9._- (ingest's rule); the study key is train|valid/XR_PART/patientN/studyM_label
        String[] key = study.studyKey().split("/");
        String studyName = key[3].substring(0, key[3].indexOf('_'));
        String studyId = "demo-" + runId + "-" + pass + "-" + key[2] + "-" + studyName;
        table.expect(studyId, key[2] + "/" + studyName + (pass > 1 ? " #" + pass : ""), study.abnormal());
        for (MuraImage image : study.images()) {
            if (stopped) {
                return;
            }
            long next = System.nanoTime() + interval.toNanos();
            try {
                ingest.upload(read(image), studyId, part, key[2]);
            } catch (ServiceException e) {
                out.println("!! " + e.getMessage() + "; retrying the next image in " + PAUSE_AFTER_ERROR.toSeconds()
                        + " s");
                Sleep.of(PAUSE_AFTER_ERROR);
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Sleep.of(Duration.ofNanos(wait));
            }
        }
    }

    private static byte[] read(MuraImage image) {
        try {
            return Files.readAllBytes(image.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + image.path(), e);
        }
    }
}
