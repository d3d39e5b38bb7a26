package dev.onboardingengine.workflow.journey;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code ${onboardingTime}}: the moments of a journey, for timers and due dates in BPMN, computed from
 * the hire's start day and time zone at the configured local hour. Following ChiefOnboarding, days
 * before the start are calendar days and days after it are workdays: day 1 is the start day, and
 * Saturdays and Sundays are skipped.
 *
 * <pre>
 * timeDate: ${onboardingTime.daysBeforeStart(execution, 5)}
 * dueDate:  ${onboardingTime.workday(execution, 5)}
 * escalate: ${onboardingTime.escalationOf(execution, onboardingTime.workday(execution, 5))}
 * </pre>
 */
@Component("onboardingTime")
@ReachableFromDiagrams
public class OnboardingTime {

    private final JourneyCalendar calendar;
    private final Period escalateAfter;

    OnboardingTime(JourneyCalendar calendar, JourneyProperties properties) {
        this.calendar = calendar;
        this.escalateAfter = properties.escalateAfter();
    }

    /** When an action due at {@code due} and still open is escalated (onboarding.journey.escalate-after later). */
    public Date escalationOf(VariableScope scope, Date due) {
        return Date.from(due.toInstant().atZone(zone(scope)).plus(escalateAfter).toInstant());
    }

    public Date daysBeforeStart(VariableScope scope, int days) {
        return Date.from(daysBeforeStart(startDay(scope), zone(scope), days));
    }

    Instant daysBeforeStart(LocalDate startDay, ZoneId zone, int days) {
        return calendar.startOf(startDay.minusDays(days), zone);
    }

    /** Workday {@code n} of the journey: 1 is the start day itself. */
    public Date workday(VariableScope scope, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Workdays are counted from 1 (the start day), not " + n);
        }
        return Date.from(workday(startDay(scope), zone(scope), n));
    }

    Instant workday(LocalDate startDay, ZoneId zone, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Workdays are counted from 1 (the start day), not " + n);
        }
        return calendar.startOf(workday(startDay, n), zone);
    }

    static LocalDate workday(LocalDate startDay, int n) {
        LocalDate day = startDay;
        int counted = isWorkday(day) ? 1 : 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkday(day)) {
                counted++;
            }
        }
        return day;
    }

    private static boolean isWorkday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static ZoneId zone(VariableScope scope) {
        return ZoneId.of((String) scope.getVariable(JourneyVariables.TIME_ZONE));
    }

    private static LocalDate startDay(VariableScope scope) {
        Object startDay = scope.getVariable(JourneyVariables.START_DAY);
        if (startDay == null) {
            throw new IllegalStateException("No startDay variable: is this running inside a journey?");
        }
        return LocalDate.parse(startDay.toString());
    }
}
