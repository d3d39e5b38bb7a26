package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.onboardingengine.workflow.hire.Stakeholder;

/**
 * Everything a journey process starts with, whether it came from NewHireCreated or from a track.
 *
 * @param eventId the hire event, or a fresh id for a track (the read model's uniqueness guard)
 * @param endDay the end day a track was given, null when the journey's default length applies
 */
record JourneyStart(UUID eventId, String mobility, Stakeholder hire, String timeZone, LocalDate startDay,
        Instant endsAt, LocalDate endDay, List<String> sequenceKeys, Stakeholder buddy, Stakeholder manager,
        Stakeholder hr) {

    JourneyStart {
        sequenceKeys = sequenceKeys == null ? List.of() : List.copyOf(sequenceKeys);
    }
}
