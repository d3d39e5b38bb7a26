package dev.onboardingengine.api.dialect.chiefonboarding;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import dev.onboardingengine.api.problem.DateOutOfRange;

/**
 * A date as ChiefOnboarding reads one: Django REST framework's {@code DateField} parses it with Django's
 * {@code parse_date}, whose pattern takes one or two digits for the month and the day
 * ({@code 2020-12-4} is 4 December 2020). Only a string; a day between {@link DateOutOfRange#EARLIEST}
 * and {@link DateOutOfRange#LATEST}, as every date the engine reads.
 */
final class DjangoDate extends StdScalarDeserializer<LocalDate> {

    /** django.utils.dateparse.date_re. */
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    DjangoDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        Matcher date = DATE.matcher(text);
        LocalDate day;
        try {
            day = date.matches() ? LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3))) : null;
        } catch (DateTimeException noSuchDay) {
            day = null;
        }
        if (day == null) {
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date");
        }
        if (DateOutOfRange.isOutside(day)) {
            throw new DateOutOfRange(parser, text, LocalDate.class);
        }
        return day;
    }
}
