package dev.onboardingengine.api.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.audit.AuditLog;
import dev.onboardingengine.api.auth.Caller;
import dev.onboardingengine.api.auth.DirectoryAccess;
import dev.onboardingengine.api.problem.AccessDenied;
import dev.onboardingengine.api.problem.FieldProblems;

/**
 * {@code /api/webhooks}: administrators subscribe URLs to event types, list and delete them, rotate their
 * signing secrets and read each subscription's delivery log. A signing secret is answered once, when it
 * is made (at subscription, chosen by the caller or generated, and at each rotation), and never again.
 */
@RestController
class WebhookController {

    private static final int LOG_LIMIT = 100;

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookRequests requests;
    private final WebhookProperties properties;
    private final DirectoryAccess access;
    private final AuditLog audit;

    WebhookController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, WebhookRequests requests,
            WebhookProperties properties, DirectoryAccess access, AuditLog audit) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.requests = requests;
        this.properties = properties;
        this.access = access;
        this.audit = audit;
    }

    record SubscriptionRequest(String url, @JsonProperty("event_types") List<String> eventTypes, String secret) {
    }

    record RotationRequest(String secret, @JsonProperty("previous_secret_valid_for") Duration previousSecretValidFor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Webhook(long id, String url, @JsonProperty("event_types") List<String> eventTypes,
            @JsonProperty("created_at") Instant createdAt, String secret,
            @JsonProperty("previous_secret_expires_at") Instant previousSecretExpiresAt) {

        static Webhook of(WebhookSubscriptions.Subscription subscription, String secret) {
            return new Webhook(subscription.id(), subscription.url(),
                    subscription.eventTypes().stream().map(WebhookEventType::wireName).toList(),
                    subscription.createdAt(), secret, subscription.previousSecretExpiresAt());
        }
    }

    record Delivery(long id, @JsonProperty("event_id") String eventId, @JsonProperty("event_type") String eventType,
            String status, int attempts, @JsonProperty("status_code") Integer statusCode,
            @JsonProperty("last_error") String lastError, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("last_attempt_at") Instant lastAttemptAt,
            @JsonProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonProperty("delivered_at") Instant deliveredAt) {

        static Delivery of(WebhookDeliveries.Logged logged) {
            return new Delivery(logged.id(), logged.eventId(), logged.eventType(), logged.status(), logged.attempts(),
                    logged.statusCode(), logged.lastError(), logged.createdAt(), logged.lastAttemptAt(),
                    logged.nextAttemptAt(), logged.deliveredAt());
        }
    }

    @PostMapping("/api/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Webhook subscribe(Caller caller, @RequestBody SubscriptionRequest request) {
        access.of(caller).requireAdmin();
        List<WebhookEventType> types = requests.checkSubscription(request.url(), request.eventTypes(),
                request.secret());
        String secret = request.secret() != null ? request.secret() : WebhookSecret.generate();
        Instant now = Instant.now();
        WebhookSubscriptions.Subscription created = subscriptions.create(request.url().strip(), types, secret,
                caller.employeeId(), now);
        audit.record("webhook_creation", caller.employeeId(), "webhook", created.id(),
                "%s for %s".formatted(created.url(), String.join(",", Webhook.of(created, null).eventTypes())), now);
        return Webhook.of(created, secret);
    }

    @GetMapping("/api/webhooks")
    List<Webhook> list(Caller caller) {
        access.of(caller).requireAdmin();
        return subscriptions.all().stream().map(subscription -> Webhook.of(subscription, null)).toList();
    }

    @GetMapping("/api/webhooks/{id}")
    Webhook get(Caller caller, @PathVariable long id) {
        access.of(caller).requireAdmin();
        return subscriptions.find(id).map(subscription -> Webhook.of(subscription, null))
                .orElseThrow(() -> new WebhookNotFound(id));
    }

    /**
     * A new signing secret (given, or generated), answered only here. The one it replaces still signs
     * beside it for {@code previous_secret_valid_for} ({@code previous-secret-validity}, 24 h, by default;
     * {@code PT0S} stops it at once), so receivers switch without a failed verification.
     */
    @PostMapping("/api/webhooks/{id}/rotate-secret")
    @Transactional
    Webhook rotateSecret(Caller caller, @PathVariable long id, @RequestBody(required = false) RotationRequest request) {
        access.of(caller).requireAdmin();
        RotationRequest rotation = request != null ? request : new RotationRequest(null, null);
        subscriptions.find(id).orElseThrow(() -> new WebhookNotFound(id));
        Duration overlap = requests.checkRotation(rotation.secret(), rotation.previousSecretValidFor(),
                properties.previousSecretValidity());
        String secret = rotation.secret() != null ? rotation.secret() : WebhookSecret.generate();
        Instant now = Instant.now();
        Instant previousUntil = overlap.isZero() ? null : now.plus(overlap);
        subscriptions.rotate(id, secret, previousUntil);
        audit.record("webhook_secret_rotation", caller.employeeId(), "webhook", id,
                previousUntil == null
                        ? "secret rotated; the previous one stopped at once"
                        : "secret rotated; the previous one signs until " + previousUntil,
                now);
        return Webhook.of(subscriptions.find(id).orElseThrow(), secret);
    }

    @DeleteMapping("/api/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void unsubscribe(Caller caller, @PathVariable long id) {
        access.of(caller).requireAdmin();
        WebhookSubscriptions.Subscription subscription = subscriptions.find(id)
                .orElseThrow(() -> new WebhookNotFound(id));
        subscriptions.delete(id);
        audit.record("webhook_deletion", caller.employeeId(), "webhook", id, subscription.url(), Instant.now());
    }

    /** The newest deliveries first, at most {@code limit} (100). */
    @GetMapping("/api/webhooks/{id}/deliveries")
    List<Delivery> deliveries(Caller caller, @PathVariable long id,
            @RequestParam(defaultValue = "" + LOG_LIMIT) int limit) {
        access.of(caller).requireAdmin();
        subscriptions.find(id).orElseThrow(() -> new WebhookNotFound(id));
        return deliveries.logOf(id, Math.min(Math.max(limit, 1), LOG_LIMIT)).stream().map(Delivery::of).toList();
    }

    static class WebhookNotFound extends RuntimeException {

        WebhookNotFound(long id) {
            super("No webhook " + id + ".");
        }
    }

    @ExceptionHandler(WebhookRequests.InvalidWebhookRequest.class)
    ProblemDetail invalid(WebhookRequests.InvalidWebhookRequest invalid) {
        return FieldProblems.badRequest(invalid.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return FieldProblems.unreadable(unreadable, (type, field) -> "A value of another type is expected.");
    }

    @ExceptionHandler(WebhookNotFound.class)
    ProblemDetail notFound(WebhookNotFound notFound) {
        return FieldProblems.notFound(notFound.getMessage());
    }

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail forbidden(AccessDenied denied) {
        return FieldProblems.forbidden(denied.getMessage());
    }
}
