package dev.onboardingengine.api.tracks;

import java.time.LocalDate;

/**
 * PUT /tracks/{id}: what changes (null: unchanged).
 *
 * @param applyOnActions move every pending timer and open action's due date by the start date's shift
 * @param implications a null id inside keeps that stakeholder
 */
public record TrackChange(LocalDate startDate, LocalDate endDate, boolean applyOnActions,
        TrackRequest.Implications implications) {
}
