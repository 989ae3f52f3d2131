package org.xray.imaging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xray.contracts.events.PreprocessingStep;

/** Builds {@link PreprocessingStep} records with parameters in insertion order and numbers in a stable text form. */
final class Steps {

    private Steps() {
    }

    static Builder step(String name) {
        return new Builder(name);
    }

    /** Three decimals, no trailing zeros, no exponent, locale-independent: the same value always reads the same. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static final class Builder {
        private final String name;
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder with(String key, String value) {
            parameters.put(key, value);
            return this;
        }

        Builder with(String key, double value) {
            return with(key, number(value));
        }

        Builder with(String key, long value) {
            return with(key, Long.toString(value));
        }

        Builder with(String key, boolean value) {
            return with(key, Boolean.toString(value));
        }

        PreprocessingStep build() {
            return new PreprocessingStep(name, parameters);
        }
    }
}
