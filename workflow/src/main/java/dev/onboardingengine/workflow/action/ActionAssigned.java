package dev.onboardingengine.workflow.action;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.onboardingengine.workflow.events.EventTopics;
import dev.onboardingengine.workflow.events.OnboardingEvent;

/**
 * An action of a journey fell due and was assigned: published on the journeys topic, keyed by journey
 * id, in the transaction that created the task. Version 1 of the payload.
 *
 * @param assigneeId employee id of the person who must do it; null when the role is vacant
 * @param due null when the action has no due date
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionAssigned(
        UUID eventId,
        long journeyId,
        long employeeId,
        String actionId,
        String name,
        String sequenceKey,
        String assigneeId,
        Instant due,
        Instant occurredAt) implements OnboardingEvent {

    @Override
    public String cloudEventType() {
        return "dev.onboardingengine.action-assigned.v1";
    }

    @Override
    public String topic(EventTopics topics) {
        return topics.journeys();
    }

    @Override
    public String key() {
        // Actions share the journey's key, so a journey's events stay in order on one partition.
        return Long.toString(journeyId);
    }
}
