package org.xray.anomaly.scoring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A config record as text and back, for a bundle manifest's {@code hyperparameters}: the scorer rebuilds the exact
 * networks a bundle was trained with from them. Components may be int, long, double, boolean or an enum.
 */
public final class Hyperparameters {

    private Hyperparameters() {
    }

    /** Every component of {@code config} by name, as text that {@link #parse} reads back to an equal record. */
    public static Map<String, String> of(Record config) {
        Map<String, String> values = new TreeMap<>();
        for (RecordComponent component : config.getClass().getRecordComponents()) {
            try {
                values.put(component.getName(), String.valueOf(component.getAccessor().invoke(config)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + config, e);
            }
        }
        return values;
    }

    /**
     * Rebuilds a config record; keys it does not know are ignored, so a newer trainer may record more.
     *
     * @throws IllegalArgumentException naming the missing or malformed value, or the record's own validation error
     */
    public static <R extends Record> R parse(Class<R> type, Map<String, String> values) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            String text = values.get(name);
            if (text == null) {
                throw new IllegalArgumentException("the hyperparameters lack '" + name + "', which "
                        + type.getSimpleName() + " needs; have " + values.keySet());
            }
            arguments[i] = value(components[i].getType(), name, text);
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the hyperparameters do not make a valid " + type.getSimpleName()
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Class<?> type, String name, String text) {
        try {
            if (type == int.class) {
                return Integer.parseInt(text);
            }
            if (type == long.class) {
                return Long.parseLong(text);
            }
            if (type == double.class) {
                return Double.parseDouble(text);
            }
            if (type == boolean.class && (text.equals("true") || text.equals("false"))) {
                return Boolean.parseBoolean(text);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, text);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hyperparameter '" + name + "' must be a " + type.getSimpleName()
                    + ", was '" + text + "'", e);
        }
        if (type == boolean.class) {
            throw new IllegalArgumentException("hyperparameter '" + name + "' must be true or false, was '" + text
                    + "'");
        }
        throw new IllegalStateException("hyperparameter '" + name + "' has unsupported type " + type.getName());
    }
}
