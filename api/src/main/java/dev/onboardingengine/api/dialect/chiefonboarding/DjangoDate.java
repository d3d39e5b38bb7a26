package dev.onboardingengine.api.dialect.chiefonboarding;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import dev.onboardingengine.api.problem.DateOutOfRange;

/**
 * A date as ChiefOnboarding reads one: Django REST framework's {@code DateField} parses it with Django's
 * {@code django.utils.dateparse.parse_date}, which tries Python's {@code date.fromisoformat} first
 * (ChiefOnboarding runs Python 3.13: {@code 2020-12-04}, {@code 20201204}, ISO week dates
 * {@code 2020-W49-5}, {@code 2020W495}, {@code 2020-W49} for its Monday) and then its own pattern, which
 * takes one or two digits for the month and the day ({@code 2020-12-4} is 4 December 2020). Only a
 * string, as it is written (no trimming); an empty one is no date. A day between
 * {@link DateOutOfRange#EARLIEST} and {@link DateOutOfRange#LATEST}, as every date the engine reads.
 */
final class DjangoDate extends StdScalarDeserializer<LocalDate> {

    /** date.fromisoformat's calendar dates: ASCII digits, both dashes or none. */
    private static final Pattern ISO_DATE = Pattern.compile("([0-9]{4})(-?)([0-9]{2})\\2([0-9]{2})");
    /** date.fromisoformat's week dates: the day of the week is optional (Monday), dashes both or none. */
    private static final Pattern ISO_WEEK = Pattern.compile("([0-9]{4})(-?)W([0-9]{2})(?:\\2([0-9]))?");
    /**
     * django.utils.dateparse.date_re, matched from the start with Python's {@code \d} (any Unicode digit)
     * and {@code $} (the end, or before a final newline).
     */
    private static final Pattern DJANGO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})\n?",
            Pattern.UNICODE_CHARACTER_CLASS);

    DjangoDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getText();
        if (text.isEmpty()) {
            return null;
        }
        LocalDate day = parse(text);
        if (day == null) {
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date");
        }
        if (DateOutOfRange.isOutside(day)) {
            throw new DateOutOfRange(parser, text, LocalDate.class);
        }
        return day;
    }

    /** parse_date: the day, or null where Django returns None or raises ValueError. */
    static LocalDate parse(String text) {
        LocalDate iso = fromIsoFormat(text);
        if (iso != null) {
            return iso;
        }
        Matcher date = DJANGO_DATE.matcher(text);
        if (!date.matches()) {
            return null;
        }
        try {
            // Integer.parseInt reads any Unicode digit, as Python's int() does
            return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3)));
        } catch (DateTimeException noSuchDay) {
            return null;
        }
    }

    private static LocalDate fromIsoFormat(String text) {
        int length = text.length();
        if (length != 7 && length != 8 && length != 10) {
            return null;
        }
        try {
            Matcher calendar = ISO_DATE.matcher(text);
            if (calendar.matches()) {
                return LocalDate.of(Integer.parseInt(calendar.group(1)), Integer.parseInt(calendar.group(3)),
                        Integer.parseInt(calendar.group(4)));
            }
            Matcher week = ISO_WEEK.matcher(text);
            if (week.matches()) {
                int year = Integer.parseInt(week.group(1));
                int number = Integer.parseInt(week.group(3));
                int weekday = week.group(4) == null ? 1 : Integer.parseInt(week.group(4));
                LocalDate fourthOfJanuary = LocalDate.of(year, 1, 4);
                if (number < 1
                        || number > IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(fourthOfJanuary).getMaximum()
                        || weekday < 1 || weekday > 7) {
                    return null;
                }
                return fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                        .with(ChronoField.DAY_OF_WEEK, weekday);
            }
        } catch (DateTimeException noSuchDay) {
            return null;
        }
        return null;
    }
}
