package dev.onboardingengine.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Requests exactly as written, byte for byte (a key given twice, broken JSON, any header), to the engine
 * a test runs on loopback, with the JDK's HTTP client: no client-side serialization second-guesses the
 * body. Answers are read with a parser that refuses a repeated key, so a body with two {@code status}
 * members cannot pass for a valid one.
 */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public Answer send(String method, String path, String authorization, String contentType, String accept,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON request with the administrator's token, accepting anything. */
    public Answer asAdmin(String method, String path, String json) {
        return send(method, path, "Token " + ApiIntegrationTest.ADMIN_TOKEN, json == null ? null : "application/json",
                null, json);
    }

    public record Answer(int status, String contentType, String body) {

        /** The body as a JSON object; fails on a key that appears twice. */
        public Map<String, Object> json() {
            try {
                return STRICT.readValue(body, new TypeReference<>() {
                });
            } catch (IOException e) {
                throw new AssertionError("Not a JSON object without repeated keys: " + body, e);
            }
        }
    }
}
