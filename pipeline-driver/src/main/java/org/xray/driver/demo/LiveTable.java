package org.xray.driver.demo;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ScoreEvent;
import org.xray.driver.client.PipelineEvents;

/**
 * Prints one line per score event and per alert as they arrive, with the truth label of the feed's studies, and
 * every {@value #SUMMARY_EVERY} images a tally of how the model does on the studies fed so far. Events for images
 * the feed did not send (an upload from the web page, say) are shown too, with truth "-".
 */
public final class LiveTable implements PipelineEvents.Listener {

    private static final int SUMMARY_EVERY = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String ROW = "%-8s  %-10s  %-24s  %-8s  %s%n";

    /** A study the feed sent, as the table names it. */
    record FedStudy(String name, boolean abnormal) {
    }

    private final PrintStream out;
    private final Map<String, FedStudy> fedStudies = new ConcurrentHashMap<>();
    // the events thread alone touches these
    private final Set<String> scoredStudies = new HashSet<>();
    private final Set<String> alertedStudies = new HashSet<>();
    private int imagesScored;
    private int imagesFlagged;

    public LiveTable(PrintStream out) {
        this.out = out;
    }

    public void printHeader() {
        out.printf(ROW, "TIME", "BODY PART", "STUDY", "TRUTH", "SCORE / THRESHOLD");
    }

    /** Tells the table the truth of a study before its images are sent. */
    void expect(String studyId, String name, boolean abnormal) {
        fedStudies.put(studyId, new FedStudy(name, abnormal));
    }

    @Override
    public void onScore(ScoreEvent score, long arrivalNanos) {
        String studyId = score.image().studyId();
        out.printf(ROW, TIME.format(score.scoredAt()), score.image().bodyPart(), name(studyId), truth(studyId),
                String.format(Locale.ROOT, "%9.4f / %.4f  image%s", score.score(), score.threshold(),
                        score.anomalous() ? "  ANOMALOUS" : ""));
        if (fedStudies.containsKey(studyId)) {
            scoredStudies.add(studyId);
            imagesScored++;
            imagesFlagged += score.anomalous() ? 1 : 0;
            if (imagesScored % SUMMARY_EVERY == 0) {
                printTally();
            }
        }
    }

    @Override
    public void onAlert(AlertEvent alert) {
        String studyId = alert.studyId();
        out.printf(ROW, TIME.format(alert.raisedAt()), alert.bodyPart(), name(studyId), truth(studyId),
                String.format(Locale.ROOT, "%9.4f / %.4f  study  ALERT #%d (%d images)", alert.studyScore(),
                        alert.threshold(), alert.revision(), alert.imageCount()));
        if (fedStudies.containsKey(studyId)) {
            alertedStudies.add(studyId);
        }
    }

    private void printTally() {
        long abnormal = scoredStudies.stream().filter(id -> fedStudies.get(id).abnormal()).count();
        long abnormalAlerted = alertedStudies.stream().filter(id -> fedStudies.get(id).abnormal()).count();
        long normal = scoredStudies.size() - abnormal;
        long normalAlerted = alertedStudies.size() - abnormalAlerted;
        out.printf(Locale.ROOT, "-- %d images scored, %d flagged; alerts on %d of %d abnormal and %d of %d normal"
                + " studies%n", imagesScored, imagesFlagged, abnormalAlerted, abnormal, normalAlerted, normal);
    }

    private String name(String studyId) {
        FedStudy study = fedStudies.get(studyId);
        String name = study != null ? study.name() : studyId;
        return name.length() <= 24 ? name : name.substring(0, 21) + "...";
    }

    private String truth(String studyId) {
        FedStudy study = fedStudies.get(studyId);
        return study == null ? "-" : study.abnormal() ? "abnormal" : "normal";
    }
}
