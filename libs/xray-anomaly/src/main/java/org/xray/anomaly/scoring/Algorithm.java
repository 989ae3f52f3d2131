package org.xray.anomaly.scoring;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The anomaly models we train and serve; {@link #id()} is the name used in bundles, manifests and model names. */
public enum Algorithm {
    FANOGAN("fanogan"),
    ALPHAGAN("alphagan");

    private final String id;

    Algorithm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the known algorithms when {@code id} is none of them */
    public static Algorithm fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown algorithm '" + id + "'; known: "
                        + Arrays.stream(values()).map(Algorithm::id).collect(Collectors.joining(", "))));
    }
}
