package dev.onboardingengine.api.tracks;

import java.time.LocalDate;
import java.util.List;

import dev.onboardingengine.api.hire.NewHire;

/**
 * A new track, whichever dialect asked for it.
 *
 * @param employeeId an existing employee; null when {@code newEmployee} is given
 * @param newEmployee a person to create (with the new_hire role); null when {@code employeeId} is given
 * @param mobility null: onboarding
 * @param endDate null: the start date plus the configured journey length
 * @param templateIds ids of sequences (Workelo's templates)
 */
public record TrackRequest(String mobility, Long employeeId, NewHire newEmployee, LocalDate startDate,
        LocalDate endDate, Implications implications, List<Long> templateIds) {

    public TrackRequest {
        implications = implications == null ? new Implications(null, null, null) : implications;
        templateIds = templateIds == null ? List.of() : List.copyOf(templateIds);
    }

    /** The stakeholders of a track, by employee id. */
    public record Implications(Long hrId, Long managerId, Long buddyId) {
    }
}
