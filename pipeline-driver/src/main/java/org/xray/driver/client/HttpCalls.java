package org.xray.driver.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON over HTTP with one error type: what the scorer and trainer clients share. */
final class HttpCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private HttpCalls() {
    }

    static JsonNode get(HttpClient http, URI uri) {
        return call(http, HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), 200);
    }

    static JsonNode post(HttpClient http, URI uri, Object body, int expectedStatus) {
        return call(http, HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), expectedStatus);
    }

    private static JsonNode call(HttpClient http, HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new ServiceException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return Json.read(response.body());
        } catch (IOException e) {
            throw new ServiceException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted: " + request.uri(), e);
        }
    }
}
