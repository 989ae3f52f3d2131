package org.xray.driver.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xray.driver.client.TrainerClient.Job;
import org.xray.driver.client.TrainerClient.Progress;

class TrainingProgressLineTest {

    @Test
    void trainingShowsPhaseBarIterationsRateAndEta() {
        Job job = job(Optional.of("training"), Optional.of(new Progress("GAN", 10, 40, 52.25, 75)));

        assertThat(TrainingProgressLine.of(job)).isEqualTo("    fanogan/XR_HAND GAN     [########"
                + "----------------------]   10/40 iterations    52.3 images/s  ETA 1:15");
    }

    @Test
    void otherStagesShowTheirName() {
        assertThat(TrainingProgressLine.of(job(Optional.of("evaluating"), Optional.of(
                new Progress("ENCODER", 150, 150, 40, 0))))).isEqualTo("    fanogan/XR_HAND: evaluating");
        assertThat(TrainingProgressLine.of(job(Optional.empty(), Optional.empty())))
                .isEqualTo("    fanogan/XR_HAND: running");
    }

    private static Job job(Optional<String> stage, Optional<Progress> progress) {
        return new Job("j1", "RUNNING", "/data/MURA-v1.1", List.of("XR_HAND"), Optional.of("fanogan/XR_HAND"), stage,
                progress, List.of(), Optional.empty());
    }
}
