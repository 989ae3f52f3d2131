package org.xray.driver.demo;

import java.util.Locale;

import org.xray.driver.client.TrainerClient.Job;
import org.xray.driver.client.TrainerClient.Progress;

/** One line of a training job's progress: phase, bar, iteration, images/s, ETA of the phase. */
final class TrainingProgressLine {

    private static final int BAR = 30;

    private TrainingProgressLine() {
    }

    static String of(Job job) {
        String stage = job.stage().orElse(job.state().toLowerCase(Locale.ROOT));
        if (job.progress().isEmpty() || !stage.equals("training")) {
            return String.format(Locale.ROOT, "    %s: %s", job.model().orElse("job " + job.id()), stage);
        }
        Progress p = job.progress().get();
        double fraction = p.iterations() == 0 ? 1 : (double) p.iteration() / p.iterations();
        int filled = (int) Math.round(fraction * BAR);
        return String.format(Locale.ROOT, "    %s %-7s [%s%s] %4d/%d iterations  %6.1f images/s  ETA %d:%02d",
                job.model().orElse(""), p.phase(), "#".repeat(filled), "-".repeat(BAR - filled), p.iteration(),
                p.iterations(), p.imagesPerSecond(), p.etaSeconds() / 60, p.etaSeconds() % 60);
    }
}
