package dev.onboardingengine.api.problem;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What a value of a Java type is, in the words a client understands ("a whole number", "a date
 * (YYYY-MM-DD)"): messages say what a field must be, never a Java type name.
 */
public final class TypeWords {

    private TypeWords() {
    }

    public static String of(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO-8601, e.g. 2026-01-05T09:00:00Z)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a whole number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    /** The same for a type known by its simple name (as some dialects record it). */
    public static String ofSimpleName(Object simpleName) {
        if (simpleName == null) {
            return of(null);
        }
        return switch (simpleName.toString()) {
            case "LocalDate" -> of(java.time.LocalDate.class);
            case "Instant", "OffsetDateTime", "ZonedDateTime", "LocalDateTime" -> of(java.time.Instant.class);
            case "Boolean", "boolean" -> of(Boolean.class);
            case "Long", "long", "Integer", "int", "Short", "short" -> of(Long.class);
            case "Double", "double", "Float", "float", "BigDecimal" -> of(Double.class);
            case "UUID" -> of(UUID.class);
            case "String" -> of(String.class);
            case "List", "Set", "Collection" -> of(java.util.List.class);
            default -> of(Object.class);
        };
    }
}
