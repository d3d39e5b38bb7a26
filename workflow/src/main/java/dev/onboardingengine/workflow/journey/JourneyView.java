package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * A journey as the read model holds it.
 *
 * @param status null only while the journey is being started
 * @param history every milestone reached, oldest first
 */
@NamedInterface("journey")
public record JourneyView(
        long id,
        long employeeId,
        String mobility,
        JourneyStatus status,
        String processInstanceId,
        String timeZone,
        LocalDate startDay,
        Instant startsAt,
        Instant endsAt,
        Instant createdAt,
        Instant updatedAt,
        List<StatusChange> history) {

    @NamedInterface("journey")
    public record StatusChange(JourneyStatus status, Instant changedAt) {
    }

    JourneyView withHistory(List<StatusChange> history) {
        return new JourneyView(id, employeeId, mobility, status, processInstanceId, timeZone, startDay, startsAt,
                endsAt,
                createdAt, updatedAt, List.copyOf(history));
    }
}
