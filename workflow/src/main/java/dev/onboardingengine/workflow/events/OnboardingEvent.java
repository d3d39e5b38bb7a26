package dev.onboardingengine.workflow.events;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * An event the engine publishes to Kafka through the outbox. Its identity and time become the
 * CloudEvents {@code ce_id} and {@code ce_time} headers, so consumers can deduplicate redeliveries.
 * <p>
 * Each event names its own type, topic and key, so the outbox ({@code KafkaEventExternalization}) needs to
 * know no event class: the features that publish events depend on this package, never the reverse.
 */
@NamedInterface("events")
public interface OnboardingEvent {

    /** Unique per event, stable across redeliveries and resubmissions. */
    UUID eventId();

    Instant occurredAt();

    /** The CloudEvents {@code ce_type}, versioned ({@code dev.onboardingengine.new-hire-created.v1}). */
    String cloudEventType();

    /** The topic the event goes to. */
    String topic(EventTopics topics);

    /** The record key, which is also the CloudEvents {@code ce_subject}: one key's events stay in order. */
    String key();
}
