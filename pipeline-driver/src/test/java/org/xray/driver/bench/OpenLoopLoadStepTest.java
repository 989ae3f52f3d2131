package org.xray.driver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenLoopLoadStepTest {

    @Test
    void aStepIsSustainedWhenScoresKeepUpAndTheBacklogStaysFlat() {
        assertThat(new OpenLoopLoad.Step(40, 39.5, 12, 14, 0).sustained()).isTrue();
    }

    @Test
    void aStepIsNotSustainedWhenScoresFallBehindTheBacklogGrowsOrUploadsFail() {
        assertThat(new OpenLoopLoad.Step(40, 30, 12, 14, 0).sustained()).as("scores behind").isFalse();
        assertThat(new OpenLoopLoad.Step(40, 39.5, 12, 60, 0).sustained()).as("backlog growing").isFalse();
        assertThat(new OpenLoopLoad.Step(40, 40, 12, 12, 3).sustained()).as("uploads refused").isFalse();
    }
}
