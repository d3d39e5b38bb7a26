package dev.onboardingengine.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Stands in for workflow's {@code ${onboardingTime}} in the diagrams' timers and due dates. It reads
 * what the real bean reads ({@code startDay}, {@code timeZone}) and gives a different moment for every
 * day asked for: the start day at 09:00 in the hire's zone, minus N calendar days for
 * {@code daysBeforeStart(N)}, plus N - 1 calendar days for {@code workday(N)}, and two days after a due
 * date for {@code escalationOf}. It skips no weekends: the real calendar is OnboardingTimeTests'
 * business; here a timer that asks for the wrong day, or the wrong kind of day, lands on another moment.
 * Public, as the expression language calls its methods by reflection.
 */
public final class OnboardingTimeDouble {

    static final LocalTime START_HOUR = LocalTime.of(9, 0);
    static final Duration ESCALATE_AFTER = Duration.ofDays(2);

    public Date daysBeforeStart(VariableScope scope, int days) {
        return dayOfJourney(startDay(scope), zone(scope), -days);
    }

    public Date workday(VariableScope scope, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Workdays are counted from 1 (the start day), not " + n);
        }
        return dayOfJourney(startDay(scope), zone(scope), n - 1);
    }

    public Date escalationOf(VariableScope scope, Date due) {
        return Date.from(due.toInstant().plus(ESCALATE_AFTER));
    }

    /** The start day plus {@code days} (negative: before it) at the start hour in {@code zone}. */
    static Date dayOfJourney(LocalDate startDay, ZoneId zone, int days) {
        return Date.from(startDay.plusDays(days).atTime(START_HOUR).atZone(zone).toInstant());
    }

    private static LocalDate startDay(VariableScope scope) {
        Object startDay = scope.getVariable("startDay");
        if (startDay == null) {
            throw new IllegalStateException("No startDay variable: is this running inside a journey?");
        }
        return LocalDate.parse(startDay.toString());
    }

    private static ZoneId zone(VariableScope scope) {
        return ZoneId.of((String) scope.getVariable("timeZone"));
    }
}
