package dev.onboardingengine.api.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due, one POST each, and records the outcome: 2xx is delivered, any
 * other answer or no answer is retried with exponential back-off until the attempts run out, then
 * logged as failed.
 *
 * <p>Runs on a thread of its own rather than on Spring's shared scheduler: a slow or dead endpoint
 * (up to {@code timeout} per attempt) must not hold up the outbox resubmission that shares it.
 *
 * <p>Each request carries the event's JSON as body (the Kafka record's payload), CloudEvents HTTP
 * binary-mode headers ({@code ce-id}, {@code ce-type}, ...), {@link WebhookSignature#HEADER}, the
 * delivery id ({@code X-Onboarding-Delivery}) and the attempt's time ({@code X-Onboarding-Timestamp}).
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    static final String DELIVERY_HEADER = "X-Onboarding-Delivery";
    static final String TIMESTAMP_HEADER = "X-Onboarding-Timestamp";

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookProperties properties;
    private final HttpClient http;
    private ScheduledExecutorService executor;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookProperties properties) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void dispatchDue() {
        try {
            for (WebhookDeliveries.Due due : deliveries.due(Instant.now(), properties.batchSize())) {
                Instant now = Instant.now();
                // Held a little longer than one attempt may take, so no other node sends it meanwhile.
                if (deliveries.claim(due.id(), now, now.plus(properties.timeout().multipliedBy(3)))) {
                    send(due);
                }
            }
        } catch (DataAccessException e) {
            // The database may be briefly unavailable; the next poll tries again.
            log.warn("Could not dispatch webhook deliveries: {}", e.getMessage());
        }
    }

    private void send(WebhookDeliveries.Due due) {
        int attempt = due.attempts() + 1;
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        Integer statusCode = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "onboarding-engine-webhooks")
                    .header("ce-specversion", "1.0")
                    .header("ce-id", due.eventId())
                    .header("ce-type", due.eventType().cloudEventType())
                    .header("ce-source", "urn:onboarding-engine")
                    .header(DELIVERY_HEADER, Long.toString(due.id()))
                    .header(TIMESTAMP_HEADER, now.toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.of(due.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            statusCode = response.statusCode();
            if (statusCode >= 200 && statusCode < 300) {
                deliveries.delivered(due.id(), attempt, statusCode, Instant.now());
                log.debug("Webhook delivery {} of event {} answered {}", due.id(), due.eventId(), statusCode);
                return;
            }
            error = "HTTP " + statusCode;
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping: the claim lapses and the attempt is made again later
        }
        boolean lastAttempt = attempt >= properties.maxAttempts();
        Instant next = lastAttempt ? null : Instant.now().plus(properties.retryDelayAfter(attempt));
        deliveries.attemptFailed(due.id(), attempt, statusCode, error, Instant.now(), next);
        log.warn("Webhook delivery {} to {} failed (attempt {} of {}): {}{}", due.id(), due.url(), attempt,
                properties.maxAttempts(), error, lastAttempt ? "; given up" : "; retried at " + next);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::dispatchSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void dispatchSafely() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            // An uncaught exception would cancel the schedule for good.
            log.warn("Webhook dispatch failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
