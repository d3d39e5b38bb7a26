package dev.onboardingengine.api.input;

import java.io.IOException;
import java.time.LocalDate;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import dev.onboardingengine.api.problem.DateOutOfRange;

/**
 * A date or date-time read only from an ISO string (by Jackson's own JSR-310 deserializer) whose day
 * lies between {@link DateOutOfRange#EARLIEST} and {@link DateOutOfRange#LATEST}. A number, an array
 * ({@code [2026,1,5]}) or an object where a date is expected is a type error naming the field.
 */
final class BoundedDates<T> extends StdScalarDeserializer<T> {

    private final transient JsonDeserializer<T> iso;
    private final transient Function<T, LocalDate> day;

    BoundedDates(Class<T> type, JsonDeserializer<T> iso, Function<T, LocalDate> day) {
        super(type);
        this.iso = iso;
        this.day = day;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (T) context.handleUnexpectedToken(handledType(), parser);
        }
        String text = parser.getText();
        T value = iso.deserialize(parser, context);
        if (value != null && DateOutOfRange.isOutside(day.apply(value))) {
            throw new DateOutOfRange(parser, text, handledType());
        }
        return value;
    }
}
