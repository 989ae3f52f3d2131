package org.xray.scoring.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.scoring.model.ModelRefusal;
import org.xray.scoring.model.ModelRegistry;
import org.xray.scoring.model.ServedModel;

/** What this scorer serves: each loaded model version and since when, and the versions it refused. */
@Path("/api/v1/models")
public class ModelResource {

    private final ModelRegistry registry;

    public ModelResource(ModelRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Models models() {
        return new Models(registry.isCaughtUp(), registry.served().stream().map(LoadedModel::of).toList(),
                registry.refusals());
    }

    /**
     * @param caughtUp whether every manifest published before start-up has been loaded or refused
     */
    public record Models(boolean caughtUp, List<LoadedModel> loaded, List<ModelRefusal> refused) {
    }

    public record LoadedModel(String key, String name, String version, ModelStatus status, String algorithm,
                              int imageSize, Map<String, Double> thresholds, Map<String, Double> metrics,
                              Instant createdAt, Instant publishedAt, Instant loadedAt) {

        static LoadedModel of(ServedModel model) {
            ModelManifest m = model.manifest();
            return new LoadedModel(m.topicKey(), m.name(), m.version(), m.status(), m.algorithm(), m.imageSize(),
                    m.thresholds(), m.metrics(), m.createdAt(), m.publishedAt(), model.loadedAt());
        }
    }
}
