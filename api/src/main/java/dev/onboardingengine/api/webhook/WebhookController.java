package dev.onboardingengine.api.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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
import dev.onboardingengine.api.problem.InvalidInput;

/**
 * {@code /api/webhooks}: administrators subscribe URLs to event types, list and delete them, and read
 * each subscription's delivery log. The signing secret is answered once, when the subscription is
 * created (chosen by the caller or generated), and never again.
 */
@RestController
class WebhookController {

    private static final int MIN_SECRET_LENGTH = 16;
    private static final int LOG_LIMIT = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final DirectoryAccess access;
    private final AuditLog audit;

    WebhookController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, DirectoryAccess access,
            AuditLog audit) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.access = access;
        this.audit = audit;
    }

    record SubscriptionRequest(String url, @JsonProperty("event_types") List<String> eventTypes, String secret) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Webhook(long id, String url, @JsonProperty("event_types") List<String> eventTypes,
            @JsonProperty("created_at") Instant createdAt, String secret) {

        static Webhook of(WebhookSubscriptions.Subscription subscription, boolean withSecret) {
            return new Webhook(subscription.id(), subscription.url(),
                    subscription.eventTypes().stream().map(WebhookEventType::wireName).toList(),
                    subscription.createdAt(), withSecret ? subscription.secret() : null);
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
        List<WebhookEventType> types = validate(request);
        String secret = request.secret() != null ? request.secret() : HexFormat.of().formatHex(randomBytes());
        Instant now = Instant.now();
        WebhookSubscriptions.Subscription created =
                subscriptions.create(request.url().strip(), types, secret, caller.employeeId(), now);
        audit.record("webhook_creation", caller.employeeId(), "webhook", created.id(),
                "%s for %s".formatted(created.url(), String.join(",", Webhook.of(created, false).eventTypes())), now);
        return Webhook.of(created, true);
    }

    @GetMapping("/api/webhooks")
    List<Webhook> list(Caller caller) {
        access.of(caller).requireAdmin();
        return subscriptions.all().stream().map(subscription -> Webhook.of(subscription, false)).toList();
    }

    @GetMapping("/api/webhooks/{id}")
    Webhook get(Caller caller, @PathVariable long id) {
        access.of(caller).requireAdmin();
        return subscriptions.find(id).map(subscription -> Webhook.of(subscription, false))
                .orElseThrow(() -> new WebhookNotFound(id));
    }

    @DeleteMapping("/api/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void unsubscribe(Caller caller, @PathVariable long id) {
        access.of(caller).requireAdmin();
        WebhookSubscriptions.Subscription subscription =
                subscriptions.find(id).orElseThrow(() -> new WebhookNotFound(id));
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

    private static List<WebhookEventType> validate(SubscriptionRequest request) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (request.url() == null || request.url().isBlank()) {
            violations.add(new InvalidInput.Violation("url", "required", null));
        } else if (!isHttpUrl(request.url().strip())) {
            violations.add(new InvalidInput.Violation("url", "invalid", request.url()));
        }
        LinkedHashSet<WebhookEventType> types = new LinkedHashSet<>();
        if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
            violations.add(new InvalidInput.Violation("event_types", "required", null));
        } else {
            for (String name : request.eventTypes()) {
                WebhookEventType.named(name).ifPresentOrElse(types::add,
                        () -> violations.add(new InvalidInput.Violation("event_types", "invalid_choice", name)));
            }
        }
        if (request.secret() != null && request.secret().length() < MIN_SECRET_LENGTH) {
            violations.add(new InvalidInput.Violation("secret", "too_short", null));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return List.copyOf(types);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static class WebhookNotFound extends RuntimeException {

        WebhookNotFound(long id) {
            super("No webhook " + id + ".");
        }
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput invalid) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        invalid.violations().forEach(v -> fields.computeIfAbsent(v.field(), field -> new ArrayList<>())
                .add(message(v)));
        return FieldProblems.badRequest(fields);
    }

    private static String message(InvalidInput.Violation violation) {
        return switch (violation.code()) {
            case "required" -> "This field is required.";
            case "invalid" -> "An absolute http or https URL is required.";
            case "invalid_choice" -> "\"%s\" is not one of new-hire-created, journey-status-changed."
                    .formatted(violation.rejectedValue());
            case "too_short" -> "At least " + MIN_SECRET_LENGTH + " characters.";
            default -> violation.code();
        };
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
