package dev.onboardingengine.api.problem;

import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A well-formed date whose day is outside the years any onboarding can be about. Refused when the JSON
 * is read, so that a start day such as {@code +999999999-12-31} is a 400 naming its field rather than a
 * hire stored with a journey that can never be scheduled.
 */
public class DateOutOfRange extends InvalidFormatException {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    public DateOutOfRange(JsonParser parser, String value, Class<?> targetType) {
        super(parser, "must be a date between %s and %s".formatted(EARLIEST, LATEST), value, targetType);
    }

    public static boolean isOutside(LocalDate day) {
        return day.isBefore(EARLIEST) || day.isAfter(LATEST);
    }

    /** The plain words every dialect answers it with. */
    public static String message() {
        return "must be a date between %s and %s.".formatted(EARLIEST, LATEST);
    }
}
