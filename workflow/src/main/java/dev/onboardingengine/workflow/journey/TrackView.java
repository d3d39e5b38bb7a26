package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * A journey as Workelo's tracks show it: the read model row with its stakeholders and sequences.
 *
 * @param endDay the end day a track was given; null when it ends after the default journey length
 * @param hrId employee id of the HR stakeholder, or null
 * @param sequenceKeys process keys of the sequences chosen at creation
 */
@NamedInterface("journey")
public record TrackView(
        long id,
        long employeeId,
        String mobility,
        JourneyStatus status,
        String processInstanceId,
        String timeZone,
        LocalDate startDay,
        LocalDate endDay,
        Instant startsAt,
        Instant endsAt,
        Long hrId,
        Long managerId,
        Long buddyId,
        List<String> sequenceKeys,
        Instant createdAt,
        Instant updatedAt) {
}
