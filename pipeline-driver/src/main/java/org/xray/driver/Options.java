package org.xray.driver;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options and {@code --flag}s of a main, checked against the names it knows. */
public final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param withValue names that take a value, without the dashes
     * @param flags     names that take none
     * @throws IllegalArgumentException on an unknown option or a missing value
     */
    public static Options parse(String[] args, Set<String> withValue, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (flags.contains(name)) {
                values.put(name, "true");
            } else if (withValue.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        return new Options(values);
    }

    public String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public URI uri(String name, String defaultValue) {
        return URI.create(text(name, defaultValue));
    }

    public Path path(String name, String defaultValue) {
        return Path.of(text(name, defaultValue));
    }

    public double number(String name, double defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, got '" + value + "'", e);
        }
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }
}
