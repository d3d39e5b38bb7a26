package dev.onboardingengine.workflow.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One call of Slack's Web API: a form-encoded POST to {@code <methods-url><method>} with the bot token,
 * which every method accepts, answered by {@code {"ok": ..., "error": ...}}.
 *
 * <p>Slack's Java SDK ({@code com.slack.api:slack-api-client}) would be the library for this, but its
 * jars are not served by the registry this project builds from; the three methods the engine calls are
 * this class, and replacing it with the SDK's {@code MethodsClient} touches nothing else.
 */
class SlackWebApi {

    /** A 429: Slack asks to wait this long. */
    static final class RateLimited extends Exception {

        final Duration retryAfter;

        RateLimited(Duration retryAfter) {
            super("rate-limited, Retry-After " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final SlackProperties properties;

    SlackWebApi(ObjectMapper json, SlackProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    /**
     * @return the answer, {@code ok} true or false
     * @throws RateLimited on a 429
     * @throws SlackUnavailable when Slack cannot be reached or answers anything but 200 or 429
     */
    JsonNode call(String method, Map<String, String> arguments) throws RateLimited {
        String base = properties.methodsUrl().endsWith("/") ? properties.methodsUrl() : properties.methodsUrl() + "/";
        String form = arguments.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + method))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + properties.botToken())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 429) {
                throw new RateLimited(retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
            }
            if (response.statusCode() != 200) {
                throw new SlackUnavailable(method, "HTTP " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SlackUnavailable(method, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackUnavailable(method, "interrupted");
        }
    }

    /** Seconds, as Slack sends it; a missing or unreadable header waits a minute rather than hammering. */
    static Duration retryAfter(String header) {
        try {
            return header == null
                    ? Duration.ofMinutes(1)
                    : Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofMinutes(1);
        }
    }
}
