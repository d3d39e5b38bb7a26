package dev.onboardingengine.workflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class JourneyCalendarTests {

    private final JourneyCalendar calendar = new JourneyCalendar(
            new JourneyProperties("journey-onboarding", LocalTime.of(9, 0), Period.ofDays(30), Period.ofDays(2), ""));

    @Test
    void startsAtTheLocalHourOnEitherSideOfADaylightSavingChange() {
        ZoneId paris = ZoneId.of("Europe/Paris");

        // Clocks in Paris go forward on Sunday 2026-03-29: 09:00 is 08:00Z before and 07:00Z after.
        assertThat(calendar.startOf(LocalDate.of(2026, 3, 27), paris)).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
        assertThat(calendar.startOf(LocalDate.of(2026, 3, 30), paris)).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void endsAtTheLocalHourAfterTheConfiguredLength() {
        ZoneId newYork = ZoneId.of("America/New_York");

        // 30 days after 2026-10-20 crosses the end of daylight-saving time on 2026-11-01.
        assertThat(calendar.endOf(LocalDate.of(2026, 10, 20), newYork))
                .isEqualTo(Instant.parse("2026-11-19T14:00:00Z"));
    }
}
