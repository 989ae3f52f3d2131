package org.xray.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressListenerTest {

    @Test
    void printsRateAndEtaAtMostOncePerIntervalAndAlwaysAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgressListener listener = new ConsoleProgressListener(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(1), now::get);
        listener.progress(0, 100);
        for (int done = 1; done <= 100; done++) {
            now.addAndGet(50_000_000L); // 20 images per second
            listener.progress(done, 100);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(6); // at 0 s, every second up to 5 s (the last is the end)
        assertThat(lines[2]).contains("40/100 images").contains("20.0 images/s").contains("ETA 0:03");
        assertThat(lines[5]).startsWith("[##############################]").contains("100/100 images (100%)");
    }
}
