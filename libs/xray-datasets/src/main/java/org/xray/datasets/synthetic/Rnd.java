package org.xray.datasets.synthetic;

import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Small sampling helpers over {@link Random}. */
final class Rnd {

    private Rnd() {
    }

    static double uniform(Random rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    /** {@code value} scaled by a factor in {@code [1 - fraction, 1 + fraction]}. */
    static double jitter(Random rnd, double value, double fraction) {
        return value * (1 + fraction * (2 * rnd.nextDouble() - 1));
    }

    /** {@code value} plus an offset in {@code [-spread, spread]}. */
    static double around(Random rnd, double value, double spread) {
        return value + spread * (2 * rnd.nextDouble() - 1);
    }

    static double sign(Random rnd) {
        return rnd.nextBoolean() ? 1 : -1;
    }

    /** One item with probability proportional to its weight; the list must not be empty. */
    static <T> T weighted(Random rnd, List<T> items, ToDoubleFunction<T> weight) {
        double total = 0;
        for (T item : items) {
            total += weight.applyAsDouble(item);
        }
        double r = rnd.nextDouble() * total;
        for (T item : items) {
            r -= weight.applyAsDouble(item);
            if (r <= 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }
}
