package dev.onboardingengine.api.webhook;

import java.util.Arrays;
import java.util.Optional;

import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.journey.JourneyStatusChanged;

/**
 * The events a webhook can subscribe to. The name is the middle of the CloudEvents type the same
 * event has on Kafka, so a receiver reads one vocabulary whether it listens to topics or to hooks.
 */
enum WebhookEventType {

    NEW_HIRE_CREATED("new-hire-created", NewHireCreated.class), JOURNEY_STATUS_CHANGED("journey-status-changed",
            JourneyStatusChanged.class);

    private final String wireName;
    private final Class<?> eventClass;

    WebhookEventType(String wireName, Class<?> eventClass) {
        this.wireName = wireName;
        this.eventClass = eventClass;
    }

    String wireName() {
        return wireName;
    }

    /** The CloudEvents {@code ce-type}, the same as the Kafka record's {@code ce_type}. */
    String cloudEventType() {
        return "dev.onboardingengine." + wireName + ".v1";
    }

    static Optional<WebhookEventType> named(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    static Optional<WebhookEventType> of(Object event) {
        return Arrays.stream(values()).filter(type -> type.eventClass.isInstance(event)).findFirst();
    }
}
