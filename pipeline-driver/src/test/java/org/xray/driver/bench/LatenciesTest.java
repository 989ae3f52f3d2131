package org.xray.driver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOfTheSortedValues() {
        List<Long> oneToHundred = new ArrayList<>(LongStream.rangeClosed(1, 100).boxed().toList());
        Collections.shuffle(oneToHundred, new Random(1));

        assertThat(Latencies.percentile(oneToHundred, 50)).isEqualTo(50);
        assertThat(Latencies.percentile(oneToHundred, 99)).isEqualTo(99);
        assertThat(Latencies.percentile(oneToHundred, 100)).isEqualTo(100);
        assertThat(Latencies.percentile(List.of(7L), 99)).isEqualTo(7);
    }
}
