package org.xray.driver.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/** scoring-service's models API ({@code GET /api/v1/models}): what this scorer serves and what it refused. */
public final class ScorerClient {

    private static final Duration POLL = Duration.ofMillis(500);

    private final URI baseUrl;
    private final HttpClient http;

    public ScorerClient(URI baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** A model version the scorer has loaded. */
    public record ServedModel(String name, String version, String status, int imageSize,
                              Map<String, Double> thresholds) {
    }

    public List<ServedModel> loaded() {
        List<ServedModel> models = new ArrayList<>();
        for (JsonNode model : models().path("loaded")) {
            Map<String, Double> thresholds = new TreeMap<>();
            model.path("thresholds").properties().forEach(e -> thresholds.put(e.getKey(), e.getValue().asDouble()));
            models.add(new ServedModel(model.path("name").asText(), model.path("version").asText(),
                    model.path("status").asText(), model.path("imageSize").asInt(), thresholds));
        }
        return models;
    }

    /** The CURRENT version of {@code name} the scorer serves, if any. */
    public Optional<ServedModel> current(String name) {
        return loaded().stream().filter(m -> m.name().equals(name) && m.status().equals("CURRENT")).findFirst();
    }

    /**
     * Waits until the scorer serves {@code version} of {@code name}.
     *
     * @throws ServiceException when the scorer refuses that version or does not load it in time
     */
    public ServedModel awaitServing(String name, String version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode models = models();
            for (JsonNode refused : models.path("refused")) {
                if (refused.path("topicKey").asText().startsWith(name)
                        && version.equals(refused.path("version").asText())) {
                    throw new ServiceException("scoring-service refused " + name + " " + version + ": "
                            + refused.path("reason").asText() + " - " + refused.path("message").asText());
                }
            }
            Optional<ServedModel> served = loaded().stream()
                    .filter(m -> m.name().equals(name) && m.version().equals(version)).findFirst();
            if (served.isPresent()) {
                return served.get();
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceException("scoring-service at " + baseUrl + " did not load " + name + " " + version
                        + " within " + timeout.toSeconds() + " s");
            }
            Sleep.of(POLL);
        }
    }

    private JsonNode models() {
        return HttpCalls.get(http, baseUrl.resolve("/api/v1/models"));
    }
}
