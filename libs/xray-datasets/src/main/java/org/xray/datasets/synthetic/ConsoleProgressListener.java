package org.xray.datasets.synthetic;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints a progress line at most every {@code interval} and at the end: a bar, the count, images per second and
 * the estimated time left. Whole lines (no carriage returns), so logs and CI consoles stay readable.
 */
public final class ConsoleProgressListener implements ProgressListener {

    private static final int BAR = 30;

    private final PrintStream out;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long start = -1;
    private long lastPrint;

    public ConsoleProgressListener(PrintStream out, Duration interval) {
        this(out, interval, System::nanoTime);
    }

    ConsoleProgressListener(PrintStream out, Duration interval, LongSupplier nanoTime) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public void progress(long done, long total) {
        long now = nanoTime.getAsLong();
        if (start < 0) {
            start = now;
            lastPrint = now - intervalNanos; // the first call prints, so the total shows at once
        }
        if (done < total && now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        out.println(line(done, total, (now - start) / 1e9));
    }

    static String line(long done, long total, double elapsedSeconds) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * BAR);
        double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
        String eta = rate > 0 ? formatSeconds((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "[%s%s] %d/%d images (%3.0f%%)  %.1f images/s  ETA %s",
                "#".repeat(filled), "-".repeat(BAR - filled), done, total, 100 * fraction, rate, eta);
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
