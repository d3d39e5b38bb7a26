package dev.onboardingengine.api.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One attempt of one delivery: the event's JSON POSTed with the Standard Webhooks headers
 * ({@code webhook-id}: the event id, the same on every attempt and for every subscription;
 * {@code webhook-timestamp}: this attempt, in epoch seconds; {@code webhook-signature}), the CloudEvents
 * binary-mode headers, the delivery id, and the deprecated {@code X-Onboarding-Signature} and
 * {@code X-Onboarding-Timestamp}. What answers is reduced to its status code: the body is never read.
 */
@Component
class WebhookSender {

    static final String DELIVERY_HEADER = "X-Onboarding-Delivery";
    static final String LEGACY_TIMESTAMP_HEADER = "X-Onboarding-Timestamp";
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final WebhookProperties properties;

    WebhookSender(WebhookDestinations destinations, WebhookProperties properties) {
        this.http = destinations.client();
        this.properties = properties;
    }

    /** How an attempt ended: delivered (2xx), or failed with the status code if any and a short reason. */
    record Outcome(boolean delivered, Integer statusCode, String reason) {

        static Outcome failed(Integer statusCode, String reason) {
            return new Outcome(false, statusCode, reason);
        }
    }

    /** @throws InterruptedException when this node is stopping: the attempt is neither made nor counted */
    Outcome send(WebhookDeliveries.Head delivery, List<String> secrets, Instant now) throws InterruptedException {
        long timestamp = now.getEpochSecond();
        Request request = new Request.Builder().url(delivery.url())
                .header("User-Agent", "onboarding-engine-webhooks")
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        WebhookSignatures.standard(secrets, delivery.eventId(), timestamp, delivery.payload()))
                .header("ce-specversion", "1.0")
                .header("ce-id", delivery.eventId())
                .header("ce-type", delivery.eventType().cloudEventType())
                .header("ce-source", "urn:onboarding-engine")
                .header(DELIVERY_HEADER, Long.toString(delivery.id()))
                .header(LEGACY_TIMESTAMP_HEADER, Instant.ofEpochSecond(timestamp).toString())
                .header(WebhookSignatures.LEGACY_HEADER, WebhookSignatures.legacy(secrets.get(0), delivery.payload()))
                .post(RequestBody.create(delivery.payload().getBytes(StandardCharsets.UTF_8), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            if (code >= 200 && code < 300) {
                return new Outcome(true, code, null);
            }
            return Outcome.failed(code, code >= 300 && code < 400
                    ? "HTTP " + code + ": redirects are not followed"
                    : "HTTP " + code);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopping");
            }
            return Outcome.failed(null, reason(e));
        }
    }

    private String reason(IOException e) {
        if (e instanceof RefusedDestination || e instanceof UnknownHostException && e.getMessage() != null
                && e.getMessage().contains(" resolves to ")) {
            return e.getMessage();
        }
        if (e instanceof InterruptedIOException) {
            return "no answer within " + properties.timeout().toSeconds() + " s";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
