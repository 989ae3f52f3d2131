package org.xray.anomaly.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressReporterTest {

    @Test
    void printsPhaseIterationLossesThroughputAndEtaEveryNthIterationAndTheLast() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgressReporter reporter = new ConsoleProgressReporter(new PrintStream(bytes, true,
                StandardCharsets.UTF_8), 2);

        for (int i = 1; i <= 3; i++) {
            reporter.onIteration(new TrainingProgress(Phase.GAN, i, 3, Map.of("generator", 0.5, "critic", -1.25),
                    85.25, Duration.ofSeconds(3725)));
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[GAN 2/3] critic=-1.2500 generator=0.5000 | 85.3 img/s | ETA 1:02:05",
                "[GAN 3/3] critic=-1.2500 generator=0.5000 | 85.3 img/s | ETA 1:02:05");
    }
}
