package org.xray.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/topics.md is what operators read to create topics by hand: it must say what the code creates. */
class TopicsDocumentationTest {

    @Test
    void documentedTopicTableMatchesTheTopicSpecs() throws Exception {
        Path doc = Path.of(System.getProperty("xray.testdata")).getParent().resolve("docs/topics.md");
        List<String> rows = Files.readAllLines(doc).stream().filter(line -> line.startsWith("| `")).toList();

        for (TopicSpec spec : Topics.specs()) {
            if (spec.name().endsWith(".dlq")) {
                continue;
            }
            String row = rows.stream().filter(line -> line.startsWith("| `" + spec.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/topics.md has no row for " + spec.name()));
            String[] cells = row.split("\\|");
            assertThat(cells[2].trim()).as(spec.name() + " partitions").isEqualTo(String.valueOf(spec.partitions()));
            assertThat(cells[3].trim()).as(spec.name() + " cleanup").startsWith(spec.compacted() ? "compact" : "delete");
            assertThat(cells[4].trim()).as(spec.name() + " max.message.bytes")
                    .isEqualTo(String.valueOf(spec.maxMessageBytes()));
        }
    }
}
