package org.xray.driver.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** trainer-service's jobs API ({@code /api/v1/training-jobs}). */
public final class TrainerClient {

    private final URI baseUrl;
    private final HttpClient http;

    public TrainerClient(URI baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** A job as the trainer reports it; only the fields the driver shows. */
    public record Job(String id, String state, String dataset, List<String> bodyParts, Optional<String> model,
                      Optional<String> stage, Optional<Progress> progress, List<Published> published,
                      Optional<String> error) {

        public boolean finished() {
            return state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED");
        }
    }

    /** The last training iteration's report: {@code phase} is GAN or ENCODER. */
    public record Progress(String phase, int iteration, int iterations, double imagesPerSecond, long etaSeconds) {
    }

    /** A model version the job published, CURRENT or CHALLENGER. */
    public record Published(String name, String version, String status, String reason) {
    }

    /**
     * @param spec the job's JSON body: dataset, bodyParts, hyperparameters, ...
     * @throws ServiceException when the trainer refuses it (the message says why)
     */
    public Job submit(Map<String, Object> spec) {
        return job(HttpCalls.post(http, baseUrl.resolve("/api/v1/training-jobs"), spec, 202));
    }

    public Job job(String id) {
        return job(HttpCalls.get(http, baseUrl.resolve("/api/v1/training-jobs/" + id)));
    }

    public List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        HttpCalls.get(http, baseUrl.resolve("/api/v1/training-jobs")).forEach(job -> jobs.add(job(job)));
        return jobs;
    }

    private static Job job(JsonNode job) {
        JsonNode progress = job.path("progress");
        List<String> parts = new ArrayList<>();
        job.path("spec").path("bodyParts").forEach(part -> parts.add(part.asText()));
        List<Published> published = new ArrayList<>();
        job.path("published").forEach(p -> published.add(new Published(p.path("name").asText(),
                p.path("version").asText(), p.path("status").asText(), p.path("reason").asText())));
        return new Job(job.path("id").asText(), job.path("state").asText(), job.path("spec").path("dataset").asText(),
                parts, text(job, "model"), text(job, "stage"),
                progress.isObject() ? Optional.of(new Progress(progress.path("phase").asText(),
                        progress.path("iteration").asInt(), progress.path("iterations").asInt(),
                        progress.path("imagesPerSecond").asDouble(), progress.path("etaSeconds").asLong()))
                        : Optional.empty(),
                published, text(job, "error"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
