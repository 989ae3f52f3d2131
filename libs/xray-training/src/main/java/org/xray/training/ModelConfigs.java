package org.xray.training;

import java.util.Map;
import java.util.TreeMap;

import org.xray.anomaly.alphagan.AlphaGanConfig;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.scoring.Algorithm;
import org.xray.anomaly.scoring.Hyperparameters;

/** An algorithm's published config at the requested image size, with a request's overrides applied. */
final class ModelConfigs {

    private ModelConfigs() {
    }

    /** @throws IllegalArgumentException naming an unknown or invalid hyperparameter */
    static Record config(Algorithm algorithm, int imageSize, Map<String, String> overrides) {
        Record defaults = switch (algorithm) {
            case FANOGAN -> FAnoGanConfig.published().withImageSize(imageSize);
            case ALPHAGAN -> AlphaGanConfig.published().withImageSize(imageSize);
        };
        Map<String, String> values = new TreeMap<>(Hyperparameters.of(defaults));
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            if (!values.containsKey(override.getKey()) || override.getKey().equals("imageSize")) {
                throw new IllegalArgumentException("unknown hyperparameter '" + override.getKey() + "' for "
                        + algorithm.id() + " (set the image size with imageSize on the request); known: "
                        + values.keySet());
            }
            values.put(override.getKey(), override.getValue());
        }
        return Hyperparameters.parse(defaults.getClass(), values);
    }
}
