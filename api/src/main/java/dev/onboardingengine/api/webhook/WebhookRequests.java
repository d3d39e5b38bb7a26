package dev.onboardingengine.api.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The checks of what {@code /api/webhooks} receives, all made before anything is written; every problem
 * found is answered at once, by field ({@link InvalidWebhookRequest}).
 */
@Component
class WebhookRequests {

    static final Duration LONGEST_OVERLAP = Duration.ofDays(30);

    private final WebhookDestinations destinations;

    WebhookRequests(WebhookDestinations destinations) {
        this.destinations = destinations;
    }

    /** The subscription's event types, once its URL, event types and secret are found acceptable. */
    List<WebhookEventType> checkSubscription(String url, List<String> eventTypes, String secret) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (url == null || url.isBlank()) {
            add(problems, "url", "This field is required.");
        } else {
            destinations.problemWith(url.strip()).ifPresent(problem -> add(problems, "url", problem));
        }
        LinkedHashSet<WebhookEventType> types = new LinkedHashSet<>();
        if (eventTypes == null || eventTypes.isEmpty()) {
            add(problems, "event_types", "This field is required.");
        } else {
            for (String name : eventTypes) {
                WebhookEventType.named(name).ifPresentOrElse(types::add, () -> add(problems, "event_types",
                        "\"%s\" is not one of new-hire-created, journey-status-changed.".formatted(name)));
            }
        }
        checkSecret(secret, problems);
        refuseIfAny(problems);
        return List.copyOf(types);
    }

    /** How long the replaced secret still signs, once the rotation's secret and overlap are acceptable. */
    Duration checkRotation(String secret, Duration previousValidFor, Duration defaultOverlap) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        checkSecret(secret, problems);
        if (previousValidFor != null
                && (previousValidFor.isNegative() || previousValidFor.compareTo(LONGEST_OVERLAP) > 0)) {
            add(problems, "previous_secret_valid_for", "From PT0S (the previous secret stops at once) to P30D.");
        }
        refuseIfAny(problems);
        return previousValidFor != null ? previousValidFor : defaultOverlap;
    }

    private static void checkSecret(String secret, Map<String, List<String>> problems) {
        if (secret != null) {
            WebhookSecret.problemWith(secret).ifPresent(problem -> add(problems, "secret", problem));
        }
    }

    private static void add(Map<String, List<String>> problems, String field, String message) {
        problems.computeIfAbsent(field, name -> new ArrayList<>()).add(message);
    }

    private static void refuseIfAny(Map<String, List<String>> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidWebhookRequest(problems);
        }
    }

    /** A request refused before anything was written: the message of each bad field. */
    static class InvalidWebhookRequest extends RuntimeException {

        private final transient Map<String, List<String>> problems;

        InvalidWebhookRequest(Map<String, List<String>> problems) {
            super(String.join(", ", problems.keySet()));
            this.problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }

        Map<String, List<String>> problems() {
            return problems;
        }
    }
}
