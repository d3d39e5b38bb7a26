package dev.onboardingengine.workflow.hire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.onboardingengine.workflow.events.EventTopics;
import dev.onboardingengine.workflow.events.OnboardingEvent;

/**
 * A hire was committed: published by the API (through the outbox) on the new-hires topic, keyed by
 * employee id, and consumed by the engine, which starts the hire's journey. Version 1 of the
 * payload; consumers ignore fields they do not know, so fields may be added without a new version.
 *
 * @param eventId identifies this hire announcement; the journey remembers it, so a redelivered
 *     event never starts a second journey
 * @param employeeUuid the employee's UUID, which is never reused: the engine starts the journey only
 *     if employee {@code employeeId} still has it (null in events published before it was added:
 *     then email and names must match, see {@link HireIdentity})
 * @param timeZone IANA zone id of the hire (the organisation's when the hire has none)
 * @param startDay first working day, in the hire's time zone
 * @param buddyId employee id of the buddy, or null
 * @param managerId employee id of the manager, or null
 * @param buddy the buddy's contact, or null
 * @param manager the manager's contact, or null
 * @param sequenceKeys process keys of the sequences chosen for this hire
 */
@NamedInterface("hire")
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewHireCreated(
        UUID eventId,
        long employeeId,
        String firstName,
        String lastName,
        String email,
        String language,
        String timeZone,
        LocalDate startDay,
        Long buddyId,
        Long managerId,
        List<String> sequenceKeys,
        Instant occurredAt,
        Stakeholder buddy,
        Stakeholder manager,
        UUID employeeUuid) implements OnboardingEvent {

    public NewHireCreated {
        sequenceKeys = sequenceKeys == null ? List.of() : List.copyOf(sequenceKeys);
    }

    @Override
    public String cloudEventType() {
        return "dev.onboardingengine.new-hire-created.v1";
    }

    @Override
    public String topic(EventTopics topics) {
        return topics.newHires();
    }

    @Override
    public String key() {
        return Long.toString(employeeId);
    }
}
