package dev.onboardingengine.workflow.action;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.onboardingengine.workflow.events.EventTopics;
import dev.onboardingengine.workflow.events.OnboardingEvent;

/**
 * An action of a journey was done (through the API or Tasklist): published on the journeys topic,
 * keyed by journey id, in the transaction that completed the task. Version 1 of the payload.
 *
 * @param late done after its due date
 */
@NamedInterface("action")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionCompleted(
        UUID eventId,
        long journeyId,
        long employeeId,
        String actionId,
        String name,
        String sequenceKey,
        String assigneeId,
        Instant due,
        boolean late,
        Instant occurredAt) implements OnboardingEvent {

    @Override
    public String cloudEventType() {
        return "dev.onboardingengine.action-completed.v1";
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
