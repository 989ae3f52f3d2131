package org.xray.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.trainer.cli.CommandLine.Option;

class CommandLineTest {

    private static final List<Option> OPTIONS = List.of(Option.value("dataset"), Option.value("size"),
            Option.repeated("set"), Option.flag("publish"));

    @Test
    void readsValuesInBothFormsRepeatedOptionsAndFlags() {
        CommandLine line = parse("--dataset", "/data/MURA-v1.1", "--size=128", "--set", "a=1", "--set=b=2",
                "--publish");

        assertThat(line.required("dataset")).isEqualTo("/data/MURA-v1.1");
        assertThat(line.integer("size")).contains(128);
        assertThat(line.values("set")).containsExactly("a=1", "b=2");
        assertThat(line.flag("publish")).isTrue();
    }

    @Test
    void absentOptionsAreEmpty() {
        CommandLine line = parse();

        assertThat(line.value("dataset")).isEmpty();
        assertThat(line.integer("size")).isEmpty();
        assertThat(line.values("set")).isEmpty();
        assertThat(line.flag("publish")).isFalse();
    }

    @Test
    void refusesAnUnknownOptionNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> parse("--datset", "x")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option --datset; known: --dataset, --size, --set, --publish");
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> parse("--dataset")).isInstanceOf(UsageException.class)
                .hasMessage("--dataset needs a value");
        assertThatThrownBy(() -> parse("--dataset", "--publish")).isInstanceOf(UsageException.class)
                .hasMessage("--dataset needs a value");
        assertThatThrownBy(() -> parse("--dataset=").required("dataset")).isInstanceOf(UsageException.class)
                .hasMessage("--dataset needs a value");
    }

    @Test
    void refusesAMissingRequiredOption() {
        assertThatThrownBy(() -> parse("--size", "64").required("dataset")).isInstanceOf(UsageException.class)
                .hasMessage("--dataset is required");
    }

    @Test
    void refusesASingleValuedOptionGivenTwice() {
        assertThatThrownBy(() -> parse("--size", "64", "--size", "128")).isInstanceOf(UsageException.class)
                .hasMessage("--size is given more than once");
    }

    @Test
    void refusesAValueForAFlag() {
        assertThatThrownBy(() -> parse("--publish=yes")).isInstanceOf(UsageException.class)
                .hasMessage("--publish takes no value");
    }

    @Test
    void refusesPositionalArguments() {
        assertThatThrownBy(() -> parse("--publish", "MURA-v1.1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unexpected argument 'MURA-v1.1'");
    }

    @Test
    void refusesAMalformedNumberNamingTheOption() {
        assertThatThrownBy(() -> parse("--size", "big").integer("size")).isInstanceOf(UsageException.class)
                .hasMessage("--size must be a whole number, was 'big'");
    }

    @Test
    void refusesAFileOptionThatNamesNoFile(@TempDir Path directory) throws Exception {
        Path bundle = Files.writeString(directory.resolve("bundle.zip"), "zip");
        List<Option> options = List.of(Option.value("bundle"));

        assertThat(CommandLine.parse(List.of("--bundle", bundle.toString()), options).file("bundle"))
                .isEqualTo(bundle);
        assertThatThrownBy(() -> CommandLine.parse(List.of("--bundle", directory.toString()), options)
                .file("bundle")).isInstanceOf(UsageException.class)
                .hasMessage("--bundle " + directory + " is not a file");
    }

    private static CommandLine parse(String... args) {
        return CommandLine.parse(List.of(args), OPTIONS);
    }
}
