package dev.onboardingengine.workflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class OnboardingTimeTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final JourneyProperties PROPERTIES = new JourneyProperties("journey-onboarding", LocalTime.of(9, 0),
            Period.ofDays(90), Period.ofDays(2), "");

    private final OnboardingTime time = new OnboardingTime(new JourneyCalendar(PROPERTIES), PROPERTIES);

    @Test
    void workdaysSkipTheWeekendAndKeepTheLocalHourAcrossDaylightSaving() {
        // Friday 2026-03-27 in Paris; clocks go forward on Sunday 2026-03-29.
        LocalDate friday = LocalDate.of(2026, 3, 27);

        assertThat(time.workday(friday, PARIS, 1)).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
        // Workday 2 is Monday, 09:00 Paris summer time.
        assertThat(time.workday(friday, PARIS, 2)).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(time.workday(friday, PARIS, 6)).isEqualTo(Instant.parse("2026-04-03T07:00:00Z"));
    }

    @Test
    void daysBeforeStartAreCalendarDaysAtTheLocalHour() {
        // Start Tuesday 2026-03-31 (summer time); five days before is Thursday 26th (winter time).
        assertThat(time.daysBeforeStart(LocalDate.of(2026, 3, 31), PARIS, 5))
                .isEqualTo(Instant.parse("2026-03-26T08:00:00Z"));
    }

    @Test
    void aStartOnTheWeekendMakesTheNextMondayWorkdayOne() {
        assertThat(OnboardingTime.workday(LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void workdayZeroIsAMistakeInTheDiagram() {
        assertThatThrownBy(() -> time.workday(LocalDate.of(2026, 11, 30), PARIS, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
