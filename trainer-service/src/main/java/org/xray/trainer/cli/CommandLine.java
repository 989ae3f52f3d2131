package org.xray.trainer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The options of one command, parsed: {@code --name value}, {@code --name=value}, repeatable options such as
 * {@code --set a=1 --set b=2}, and flags such as {@code --publish}. Positional arguments are not used by any command,
 * so they are refused.
 */
public final class CommandLine {

    /** An option a command accepts. */
    public record Option(String name, Kind kind) {

        public enum Kind { VALUE, REPEATED, FLAG }

        public static Option value(String name) {
            return new Option(name, Kind.VALUE);
        }

        public static Option repeated(String name) {
            return new Option(name, Kind.REPEATED);
        }

        public static Option flag(String name) {
            return new Option(name, Kind.FLAG);
        }
    }

    private final Map<String, List<String>> values;

    private CommandLine(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * @param args    the arguments after the command's name
     * @param options what the command accepts, by name without the leading {@code --}
     * @throws UsageException naming the option that is unknown, lacks a value, or is given twice
     */
    public static CommandLine parse(List<String> args, List<Option> options) {
        Map<String, Option> known = new LinkedHashMap<>();
        options.forEach(option -> known.put(option.name(), option));
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "': options start with --");
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            Option option = known.get(name);
            if (option == null) {
                throw new UsageException("unknown option --" + name + "; known: " + known.keySet().stream()
                        .map(n -> "--" + n).collect(Collectors.joining(", ")));
            }
            String value;
            if (option.kind() == Option.Kind.FLAG) {
                if (equals >= 0) {
                    throw new UsageException("--" + name + " takes no value");
                }
                value = "true";
            } else if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (option.kind() != Option.Kind.REPEATED && values.containsKey(name)) {
                throw new UsageException("--" + name + " is given more than once");
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new CommandLine(values);
    }

    /** @throws UsageException when the option is absent or blank */
    public String required(String name) {
        return value(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    /** @throws UsageException when the option is given but blank */
    public Optional<String> value(String name) {
        List<String> given = values(name);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.get(0).isBlank()) {
            throw new UsageException("--" + name + " needs a value");
        }
        return Optional.of(given.get(0));
    }

    /** Every value of a repeatable option, in order; empty when it is not given. */
    public List<String> values(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** @throws UsageException when the option is absent or does not name an existing file */
    public Path file(String name) {
        Path file = Path.of(required(name));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--" + name + " " + file + " is not a file");
        }
        return file;
    }

    /** @throws UsageException naming the option when its value is not a whole number */
    public Optional<Integer> integer(String name) {
        return value(name).map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number, was '" + text + "'");
            }
        });
    }
}
