package dev.onboardingengine.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.onboardingengine.api.fuzz.OpenApiOperations.Field;

/**
 * Bad values for a field, as JSON text (for bodies) or raw text (for parameters), chosen by its type and
 * format: wrong types, nulls, empty, long and huge strings, unicode, boundary and overflow numbers,
 * invalid and out-of-range dates and time zones, unknown ids. A seeded {@link Random} picks a sample
 * of them per field, so a run is repeatable and bounded.
 */
final class BadInputs {

    static final String MEGABYTE = "m".repeat(1_000_000);

    private static final List<String> STRINGS = List.of("\"\"", "\"   \"", json("a".repeat(300)),
            json("a".repeat(2_000)),
            json("Zoë 😀 \u202e مرحبا 𝔘𝔫𝔦"), json("<script>alert(1)</script>"), "123", "true", "{}", "[]",
            "\"nul\\u0000byte\"", json("x".repeat(70_000)));
    private static final List<String> DATES = List.of("\"2020-13-45\"", "\"2024-02-30\"", "\"+999999999-12-31\"",
            "\"-999999999-01-01\"", "\"1899-12-31\"", "\"2201-01-01\"", "20201204", "\"2020-12-04T10:00:00Z\"",
            "\"04/12/2020\"", "\"\"");
    private static final List<String> DATE_TIMES = List.of("\"2020-12-04\"", "\"+999999999-12-31T23:59:59Z\"",
            "\"2020-12-04T25:00:00Z\"", "\"2020-12-04T10:00:00+25:00\"", "1607076000", "\"\"");
    private static final List<String> ZONES = List.of("\"Mars/Olympus\"", "\"+25:00\"", "\"UTC+99\"", "\"\"",
            "\"Europe/Paris/Extra\"", "\"SystemV/AST4\"");
    private static final List<String> NUMBERS = List.of("-1", "0", "2147483648", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "1e400", "1.5", "\"1\"", "\"abc\"", "true", "999999999",
            "123456789012345678901234567890", "-0.0", "[]", "{}");
    private static final List<String> BOOLEANS = List.of("\"yes\"", "2", "\"true\"", "[]", "{}");
    private static final List<String> ARRAYS = List.of("\"x\"", "[null]", "[[]]", "[{}]", "[999999999]", "[\"\"]",
            "[-1, 9223372036854775808]", "{}", hugeArray());
    private static final List<String> OBJECTS = List.of("\"x\"", "[]", "{}", "{\"\":null}", "1");

    private static final List<String> PARAMETERS = List.of("", "-1", "abc", "999999999", "99999999999999999999",
            "%00", "+999999999-12-31", "%2B999999999-12-31", "2020-13-45", "1899-12-31", "Mars%2FOlympus",
            "%F0%9F%98%80", "a".repeat(300),
            "1e400", "true", UUID.randomUUID().toString(), "%E2%80%AE", "*", "..%2F..");

    private final Random random;

    BadInputs(long seed) {
        this.random = new Random(seed);
    }

    /** Always null and a wrong type, and a sample of the rest. */
    List<String> forField(Field field, int sample) {
        List<String> all = new ArrayList<>(candidates(field));
        List<String> chosen = new ArrayList<>(List.of("null"));
        chosen.add(field.type().equals("string") ? "12345" : "\"not a " + field.type() + "\"");
        while (chosen.size() < sample + 2 && !all.isEmpty()) {
            chosen.add(all.remove(random.nextInt(all.size())));
        }
        return chosen;
    }

    List<String> forParameter(int sample) {
        List<String> all = new ArrayList<>(PARAMETERS);
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < sample && !all.isEmpty()) {
            chosen.add(all.remove(random.nextInt(all.size())));
        }
        return chosen;
    }

    /** Path variables that name nothing, or nothing valid. */
    static List<String> unknownIds() {
        return List.of("999999999", "-1", "abc", "99999999999999999999", UUID.randomUUID().toString(), "%00",
                "uid:nobody");
    }

    /** Bodies that are wrong as a whole: not JSON, empty, deep, huge, a key given twice. */
    static List<String> wholeBodies(List<Field> fields) {
        String key = fields.isEmpty() ? "name" : fields.get(0).name();
        return List.of("", "not json", "{", "[]", "null", "\"text\"", "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_001), hugeArray(),
                "{\"%s\":\"x\",\"%s\":\"y\"}".formatted(key, key), "{\"" + key + "\":\"" + MEGABYTE + "\"}");
    }

    private static List<String> candidates(Field field) {
        String name = field.name().toLowerCase(java.util.Locale.ROOT);
        if (name.contains("zone")) {
            return ZONES;
        }
        return switch (field.type()) {
            case "string" -> "date".equals(field.format())
                    ? DATES
                    : "date-time".equals(field.format())
                            ? DATE_TIMES
                            : "uuid".equals(field.format())
                                    ? List.of("\"not-a-uuid\"", json(UUID.randomUUID().toString()), "\"\"")
                                    : STRINGS;
            case "integer", "number" -> NUMBERS;
            case "boolean" -> BOOLEANS;
            case "array" -> ARRAYS;
            default -> OBJECTS;
        };
    }

    private static String hugeArray() {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < 150_000; i++) {
            array.append(i == 0 ? "" : ",").append(i);
        }
        return array.append(']').toString();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
