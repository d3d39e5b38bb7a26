package dev.onboardingengine.api.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.workflow.events.OnboardingEvent;
import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.journey.JourneyStatusChanged;

/**
 * Writes one delivery per subscribed webhook when an event is published. A plain (synchronous)
 * listener on purpose: the rows join the transaction that publishes the event (the hire's, or the
 * journey engine's), so a delivery exists exactly when its event committed, and nothing is sent
 * before commit: {@link WebhookDispatcher} only sees committed rows.
 */
@Component
class WebhookEventRecorder {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final ObjectMapper objectMapper;

    WebhookEventRecorder(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, ObjectMapper objectMapper) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.objectMapper = objectMapper;
    }

    @EventListener
    void on(NewHireCreated event) {
        record(WebhookEventType.NEW_HIRE_CREATED, event);
    }

    @EventListener
    void on(JourneyStatusChanged event) {
        record(WebhookEventType.JOURNEY_STATUS_CHANGED, event);
    }

    private void record(WebhookEventType type, OnboardingEvent event) {
        List<WebhookSubscriptions.Subscription> subscribed = subscriptions.subscribedTo(type);
        if (subscribed.isEmpty()) {
            return;
        }
        String payload = toJson(event);
        Instant now = Instant.now();
        subscribed.forEach(
                subscription -> deliveries.enqueue(subscription.id(), event.eventId().toString(), type, payload, now));
    }

    private String toJson(Object event) {
        try {
            // The same mapper, hence the same JSON, as the Kafka record: one schema describes both.
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }
}
