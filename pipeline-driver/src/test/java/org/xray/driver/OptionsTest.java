package org.xray.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Set<String> WITH_VALUE = Set.of("rate", "mura");
    private static final Set<String> FLAGS = Set.of("no-demo");

    @Test
    void readsValuesAndFlagsWithDefaultsForTheRest() {
        Options options = Options.parse(new String[] {"--rate", "3.5", "--no-demo"}, WITH_VALUE, FLAGS);

        assertThat(options.number("rate", 2)).isEqualTo(3.5);
        assertThat(options.flag("no-demo")).isTrue();
        assertThat(options.text("mura")).isEmpty();
        assertThat(options.text("mura", "none")).isEqualTo("none");
    }

    @Test
    void refusesUnknownOptionsMissingValuesAndNonNumbers() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--speed", "3"}, WITH_VALUE, FLAGS))
                .hasMessageContaining("unknown option '--speed'");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate"}, WITH_VALUE, FLAGS))
                .hasMessageContaining("--rate needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--rate", "fast"}, WITH_VALUE, FLAGS).number("rate", 2))
                .hasMessageContaining("--rate needs a number, got 'fast'");
    }
}
