package dev.onboardingengine.workflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event the engine publishes to Kafka through the outbox. Its identity and time become the
 * CloudEvents {@code ce_id} and {@code ce_time} headers, so consumers can deduplicate redeliveries.
 */
public interface OnboardingEvent {

    /** Unique per event, stable across redeliveries and resubmissions. */
    UUID eventId();

    Instant occurredAt();
}
