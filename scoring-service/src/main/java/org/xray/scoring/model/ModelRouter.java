package org.xray.scoring.model;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.xray.contracts.BodyPart;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.scoring.config.ScoringConfig;

/** Picks the model version and threshold for an image's body part. */
@ApplicationScoped
public class ModelRouter {

    private final ModelRegistry registry;
    private final String algorithm;
    private final Optional<String> fallbackModel;

    @Inject
    public ModelRouter(ModelRegistry registry, ScoringConfig config) {
        this(registry, config.algorithm(), config.fallbackModel());
    }

    ModelRouter(ModelRegistry registry, String algorithm, Optional<String> fallbackModel) {
        this.registry = registry;
        this.algorithm = algorithm;
        this.fallbackModel = fallbackModel;
    }

    /**
     * The body part's own model ({@code <algorithm>/<PART>}) with its threshold for the part; else the fallback
     * model with its threshold for the part, or for UNKNOWN. The challenger of the chosen model comes along, for
     * shadow scoring.
     *
     * @throws NoModelException naming what was looked for and what is loaded
     */
    public ModelRoute route(BodyPart part) {
        String own = algorithm + "/" + part.name();
        return routeVia(own, part, false)
                .or(() -> fallbackModel.flatMap(fallback -> routeVia(fallback, part, true)))
                .orElseThrow(() -> new NoModelException("no model serves " + part + ": looked for " + own
                        + fallbackModel.map(f -> " and the fallback " + f).orElse(" (no fallback-model configured)")
                        + " with a threshold for " + part + "; serving " + registry.served()));
    }

    private Optional<ModelRoute> routeVia(String name, BodyPart part, boolean allowUnknownThreshold) {
        return registry.serving(name).flatMap(model -> threshold(model, part, allowUnknownThreshold)
                .map(threshold -> new ModelRoute(model, threshold, challengerRoute(name, part, threshold))));
    }

    // A challenger without a threshold of its own for the part is held to the current version's.
    private Optional<ModelRoute> challengerRoute(String name, BodyPart part, double currentThreshold) {
        return registry.serving(ModelManifest.topicKey(name, ModelStatus.CHALLENGER)).map(challenger ->
                new ModelRoute(challenger, threshold(challenger, part, true).orElse(currentThreshold),
                        Optional.empty()));
    }

    private static Optional<Double> threshold(ServedModel model, BodyPart part, boolean allowUnknown) {
        Map<String, Double> thresholds = model.manifest().thresholds();
        Double own = thresholds.get(part.name());
        if (own != null) {
            return Optional.of(own);
        }
        return allowUnknown ? Optional.ofNullable(thresholds.get(BodyPart.UNKNOWN.name())) : Optional.empty();
    }
}
