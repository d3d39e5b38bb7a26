package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.onboardingengine.workflow.events.EventTopics;
import dev.onboardingengine.workflow.events.OnboardingEvent;

/**
 * A journey reached a milestone. Published on the journeys topic, keyed by journey id, in the same
 * transaction as the engine state that caused it. Version 1 of the payload.
 *
 * @param previousStatus null for the first milestone of a journey
 */
@NamedInterface("journey")
@JsonIgnoreProperties(ignoreUnknown = true)
public record JourneyStatusChanged(
        UUID eventId,
        long journeyId,
        long employeeId,
        String mobility,
        JourneyStatus previousStatus,
        JourneyStatus status,
        Instant occurredAt) implements OnboardingEvent {

    @Override
    public String cloudEventType() {
        return "dev.onboardingengine.journey-status-changed.v1";
    }

    @Override
    public String topic(EventTopics topics) {
        return topics.journeys();
    }

    @Override
    public String key() {
        return Long.toString(journeyId);
    }
}
