package org.xray.driver.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.xray.contracts.BodyPart;

/** ingest-service's intake API: {@code POST /api/v1/images} with a bearer token, as a PACS client uses it. */
public final class IngestClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI baseUrl;
    private final String token;
    private final HttpClient http;

    public IngestClient(URI baseUrl, String token, HttpClient http) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = http;
    }

    /** The answer comes once Kafka has the image: 202 accepted, or a problem JSON saying why not. */
    public CompletableFuture<HttpResponse<String>> send(byte[] image, String studyId, BodyPart part,
                                                       String patientId) {
        return http.sendAsync(request(image, studyId, part, patientId), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * @return the image id ingest gave the image
     * @throws ServiceException when it is not accepted
     */
    public String upload(byte[] image, String studyId, BodyPart part, String patientId) {
        try {
            HttpResponse<String> response = http.send(request(image, studyId, part, patientId),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new ServiceException("ingest-service refused an image (" + response.statusCode() + "): "
                        + response.body());
            }
            JsonNode accepted = Json.read(response.body());
            return accepted.path("imageId").asText();
        } catch (IOException e) {
            throw new ServiceException("ingest-service at " + baseUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted while uploading", e);
        }
    }

    private HttpRequest request(byte[] image, String studyId, BodyPart part, String patientId) {
        URI uri = baseUrl.resolve("/api/v1/images?bodyPart=" + part.name() + "&studyId="
                + URLEncoder.encode(studyId, StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("X-Patient-Id", patientId)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image))
                .build();
    }
}
