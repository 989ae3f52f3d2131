package org.xray.contracts.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.xray.contracts.ContractViolationException;

/** The checks the event records run in their compact constructors, with messages that name the field. */
final class Require {

    private Require() {
    }

    static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new ContractViolationException(field + " is required");
        }
        return value;
    }

    static String nonBlank(String value, String field) {
        if (nonNull(value, field).isBlank()) {
            throw new ContractViolationException(field + " must not be blank");
        }
        return value;
    }

    static Optional<String> nonBlank(Optional<String> value, String field) {
        nonNull(value, field).ifPresent(present -> nonBlank(present, field));
        return value;
    }

    static int schemaVersion(int version, String type) {
        if (version < 1) {
            throw new ContractViolationException(type + ".schemaVersion must be >= 1, was " + version);
        }
        return version;
    }

    static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw new ContractViolationException(field + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    // JSON has no NaN or Infinity, so a non-finite score could not be written.
    static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new ContractViolationException(field + " must be a finite number, was " + value);
        }
        return value;
    }

    static <T> List<T> listCopy(List<T> values, String field) {
        nonNull(values, field).forEach(value -> nonNull(value, field + " element"));
        return List.copyOf(values);
    }

    /** Keeps the caller's order: preprocessing parameters read best in the order they were given. */
    static Map<String, String> orderedCopy(Map<String, String> values, String field) {
        nonNull(values, field).forEach((key, value) -> {
            nonNull(key, field + " key");
            nonNull(value, field + "." + key);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Sorted by key so the same map always serialises to the same JSON. */
    static Map<String, Double> sortedFiniteCopy(Map<String, Double> values, String field) {
        nonNull(values, field).forEach((key, value) -> {
            nonNull(key, field + " key");
            finite(nonNull(value, field + "." + key), field + "." + key);
        });
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }

    static void equal(String actual, String expected, String field) {
        if (!Objects.equals(actual, expected)) {
            throw new ContractViolationException(field + " must be '" + expected + "', was '" + actual + "'");
        }
    }
}
