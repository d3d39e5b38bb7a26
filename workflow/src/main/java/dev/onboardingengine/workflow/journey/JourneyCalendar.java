package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Turns calendar days into instants in the hire's time zone. "The start day at 09:00" means 09:00 on
 * the hire's wall clock, whatever daylight-saving offset applies that day.
 */
@Component
class JourneyCalendar {

    private final JourneyProperties properties;

    JourneyCalendar(JourneyProperties properties) {
        this.properties = properties;
    }

    Instant startOf(LocalDate startDay, ZoneId zone) {
        return startDay.atTime(properties.startHour()).atZone(zone).toInstant();
    }

    Instant endOf(LocalDate startDay, ZoneId zone) {
        return startOf(startDay.plus(properties.length()), zone);
    }
}
