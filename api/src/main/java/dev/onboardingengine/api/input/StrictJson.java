package dev.onboardingengine.api.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;

/**
 * The application's one {@code ObjectMapper} (request bodies of every dialect, hire requests from Kafka,
 * our own events) reads JSON strictly:
 * <ul>
 * <li>a key given twice in one object is an error (Jackson's {@code STRICT_DUPLICATE_DETECTION}), not
 * "the last one wins": a client that sends two values for a field cannot know which one was stored;</li>
 * <li>a {@code null} inside a list ({@code "sequences": [null]}) is an error naming the list: no list
 * of ids, keys or values has a meaning for null. Maps keep their nulls ({@code {"value": null}} clears
 * a paperwork);</li>
 * <li>dates and date-times are ISO strings between 1900-01-01 and 2200-12-31 ({@link BoundedDates}): a
 * number is not a count of days or seconds since 1970, and a year such as +999999999 is refused before
 * it is stored rather than failing later in the journey's timers;</li>
 * <li>a string holding U+0000 is an error naming the field ({@link NulFreeStrings}): PostgreSQL cannot
 * store it.</li>
 * </ul>
 * Each failure is a {@code MismatchedInputException} or a parse error that the dialects' error advice
 * turns into a 400 naming the field (see {@code problem.FieldProblems#unreadable}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /** The declared types of list-like properties whose elements may not be null. */
    private static final List<Class<?>> LISTS = List.of(List.class, Set.class, Collection.class);

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(String.class, new NulFreeStrings())
                .deserializerByType(LocalDate.class,
                        new BoundedDates<>(LocalDate.class, LocalDateDeserializer.INSTANCE, day -> day))
                .deserializerByType(LocalDateTime.class, new BoundedDates<>(LocalDateTime.class,
                        LocalDateTimeDeserializer.INSTANCE, LocalDateTime::toLocalDate))
                .deserializerByType(OffsetDateTime.class, new BoundedDates<>(OffsetDateTime.class,
                        InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::toLocalDate))
                .deserializerByType(ZonedDateTime.class, new BoundedDates<>(ZonedDateTime.class,
                        InstantDeserializer.ZONED_DATE_TIME, ZonedDateTime::toLocalDate))
                .deserializerByType(Instant.class, new BoundedDates<>(Instant.class, InstantDeserializer.INSTANT,
                        instant -> instant.atOffset(ZoneOffset.UTC).toLocalDate()))
                .postConfigurer(mapper -> LISTS.forEach(type -> mapper.configOverride(type)
                        .setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))));
    }
}
