package dev.onboardingengine.api.journeys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.api.hire.OrganisationProperties;
import dev.onboardingengine.workflow.action.Action;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneyStatus;

/**
 * Journey analytics per person ({@link JourneyProgress}), from the journey read model and the actions.
 * Periods are days in the organisation's time zone, both bounds included; an absent bound is open.
 * The caller decides who may read whose progress.
 */
@Service
public class JourneyReports {

    /** The actions that are meetings. */
    private static final Pattern MEETING = Pattern.compile("(?i).*(meet|check-in|call|introduc).*");

    private final JourneyActions actions;
    private final JourneyQueries journeys;
    private final OrganisationProperties organisation;

    JourneyReports(JourneyActions actions, JourneyQueries journeys, OrganisationProperties organisation) {
        this.actions = actions;
        this.journeys = journeys;
        this.organisation = organisation;
    }

    @Transactional(readOnly = true)
    public JourneyProgress progress(long employeeId, LocalDate firstDay, LocalDate lastDay) {
        ZoneId zone = ZoneId.of(organisation.timeZone());
        Instant from = firstDay == null ? Instant.MIN : firstDay.atStartOfDay(zone).toInstant();
        Instant until = lastDay == null ? Instant.MAX : lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        Predicate<Instant> inPeriod = at -> at != null && !at.isBefore(from) && at.isBefore(until);
        List<Action> all = actions.actionsOf(employeeId);
        long sequences = all.stream().filter(action -> action.sequenceKey() != null)
                .collect(Collectors.groupingBy(Action::sequenceKey)).values().stream()
                .filter(sequence -> sequence.stream().noneMatch(Action::isOpen))
                .filter(sequence -> inPeriod.test(sequence.stream().map(Action::completedAt).max(Instant::compareTo)
                        .orElse(null)))
                .count();
        long closed = journeys.journeysOf(employeeId).stream()
                .filter(journey -> journey.history().stream().anyMatch(
                        change -> change.status() == JourneyStatus.CLOSED && inPeriod.test(change.changedAt())))
                .count();
        long meetings = all.stream().filter(action -> inPeriod.test(action.completedAt()))
                .filter(action -> action.name() != null && MEETING.matcher(action.name()).matches()).count();
        long onTime = all.stream().filter(action -> inPeriod.test(action.completedAt()))
                .filter(action -> action.due() == null || !action.completedAt().isAfter(action.due())).count();
        long overdue = all.stream().filter(action -> inPeriod.test(action.due()))
                .filter(action -> action.overdue()
                        || (action.completedAt() != null && action.completedAt().isAfter(action.due())))
                .count();
        return new JourneyProgress(sequences, closed, meetings, onTime, overdue);
    }
}
