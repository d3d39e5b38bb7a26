package dev.onboardingengine.api.hire;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.workflow.journey.JourneyManagement;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.JourneyView;

/**
 * A hire's new start day moves their running onboarding journey with it, as Workelo's
 * {@code PUT /tracks/{id}} with {@code apply_on_actions} does: every pending timer and open action's
 * due date shifts by the same days. An HR system that corrects a start date (Offly's PATCH, Workelo's
 * PUT /employees, a re-sent hire request) must not leave the welcome mails on the old day.
 */
@Component
class StartDayChanges {

    private final JourneyQueries journeys;
    private final JourneyManagement tracks;

    StartDayChanges(JourneyQueries journeys, JourneyManagement tracks) {
        this.journeys = journeys;
        this.tracks = tracks;
    }

    /** In the transaction that changed the employee: the journey moves with it or not at all. */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(long employeeId, LocalDate before, LocalDate after) {
        if (after == null || Objects.equals(before, after)) {
            return;
        }
        for (JourneyView journey : journeys.journeysOf(employeeId)) {
            boolean running = journey.status() != JourneyStatus.CLOSED && journey.status() != JourneyStatus.CANCELLED;
            if (running && "onboarding".equals(journey.mobility()) && !after.equals(journey.startDay())) {
                tracks.reschedule(journey.id(), after, null, true);
            }
        }
    }
}
