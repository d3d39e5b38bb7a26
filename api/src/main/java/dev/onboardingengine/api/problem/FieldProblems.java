package dev.onboardingengine.api.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The one error shape of every dialect: an RFC 7807 problem whose extension members are the bad
 * fields, each with a list of messages ({@code {"email": ["..."]}}, Django REST framework's shape,
 * which ChiefOnboarding clients expect), and whose {@code detail} names every field for clients that
 * read only RFC 7807. Dialects differ only in their field names and messages.
 *
 * <p>A field whose name is one of RFC 7807's own members ({@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}), such as the {@code ?status=} filter, cannot be a member of its own
 * without giving the body two {@code status} keys: its member is {@code "field:status"}
 * ({@link #memberName}). A field whose name already starts with {@code field:} gets the prefix too, so
 * the encoding is collision-free both ways; {@code detail} always names the field as the client wrote it.
 */
public final class FieldProblems {

    public static final URI INVALID_INPUT = URI.create("https://onboardingengine.dev/problems/invalid-input");
    public static final URI NOT_FOUND = URI.create("https://onboardingengine.dev/problems/not-found");
    public static final URI FORBIDDEN = URI.create("https://onboardingengine.dev/problems/forbidden");

    /** RFC 7807's members, which field members may not shadow. */
    static final Set<String> PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "instance");
    static final String ESCAPE = "field:";

    private FieldProblems() {
    }

    /** The extension member that holds the messages of {@code field}. */
    public static String memberName(String field) {
        return PROBLEM_MEMBERS.contains(field) || field.startsWith(ESCAPE) ? ESCAPE + field : field;
    }

    /** The field whose messages extension member {@code member} holds: the inverse of {@link #memberName}. */
    public static String fieldName(String member) {
        return member.startsWith(ESCAPE) ? member.substring(ESCAPE.length()) : member;
    }

    /** The fields a problem names, each with its messages, in order (none for a problem about no field). */
    public static Map<String, List<String>> fieldsOf(ProblemDetail problem) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (problem.getProperties() != null) {
            problem.getProperties().forEach((member, value) -> {
                if (value instanceof List<?> messages) {
                    fields.put(fieldName(member), messages.stream().map(String::valueOf).toList());
                }
            });
        }
        return fields;
    }

    /** 400 naming each field in {@code fields} (kept in the given order). */
    public static ProblemDetail badRequest(Map<String, List<String>> fields) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setDetail(fields.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + String.join(" ", entry.getValue()))
                .collect(Collectors.joining("; ")));
        fields.forEach((field, messages) -> problem.setProperty(memberName(field), messages));
        return problem;
    }

    /**
     * A 400 from violations, each turned into the dialect's message and grouped by field, in the order
     * they were found.
     */
    public static ProblemDetail badRequest(List<InvalidInput.Violation> violations,
            Function<InvalidInput.Violation, String> message) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (InvalidInput.Violation violation : violations) {
            fields.computeIfAbsent(violation.field(), f -> new ArrayList<>()).add(message.apply(violation));
        }
        return badRequest(fields);
    }

    /** A hire's violations under the dialect's own field names (unmapped names are kept). */
    public static List<InvalidInput.Violation> renamed(InvalidFields invalid, Map<String, String> fieldNames) {
        return invalid.fieldViolations().stream()
                .map(v -> new InvalidInput.Violation(fieldNames.getOrDefault(v.field(), v.field()), v.code(),
                        v.rejectedValue()))
                .toList();
    }

    /**
     * 400 for a body that is not the expected JSON. Whatever went wrong at a field (a value of the wrong
     * type, a null in a list, a number out of range, a date outside {@link DateOutOfRange}'s years, a key
     * given twice, a value nested too deep) names that field, the innermost one, with
     * {@code typeMessage(targetType, field)} for type errors; anything else gets a plain description
     * and, for broken JSON, the line and column. No message carries a Java type or class name.
     */
    public static ProblemDetail unreadable(HttpMessageNotReadableException unreadable,
            BiFunction<Class<?>, String, String> typeMessage) {
        Throwable cause = unreadable.getCause();
        String duplicate = duplicateKey(cause);
        if (duplicate != null) {
            return badRequest(Map.of(duplicate, List.of("is given more than once.")));
        }
        if (cause instanceof JsonMappingException mapping && fieldOf(mapping) != null) {
            String field = fieldOf(mapping);
            return badRequest(Map.of(field, List.of(fieldMessage(mapping, field, typeMessage))));
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(INVALID_INPUT);
        problem.setTitle("Malformed request body");
        problem.setDetail(bodyMessage(cause));
        return problem;
    }

    public static ProblemDetail notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(NOT_FOUND);
        return problem;
    }

    public static ProblemDetail forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(FORBIDDEN);
        return problem;
    }

    private static String fieldMessage(JsonMappingException mapping, String field,
            BiFunction<Class<?>, String, String> typeMessage) {
        if (mapping instanceof DateOutOfRange) {
            return DateOutOfRange.message();
        }
        if (mapping instanceof NulCharacter) {
            return NulCharacter.message();
        }
        if (mapping instanceof InvalidNullException && mapping.getPath().size() > 1) {
            return "must not hold null.";
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return typeMessage.apply(mismatch.getTargetType(), field);
        }
        if (mapping.getCause() instanceof InputCoercionException) {
            return "is out of range.";
        }
        if (mapping.getCause() instanceof StreamConstraintsException) {
            return "is too long or nested too deeply.";
        }
        return typeMessage.apply(null, field);
    }

    private static String bodyMessage(Throwable cause) {
        if (cause instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            return target != null && (Collection.class.isAssignableFrom(target) || target.isArray())
                    ? "The request body must be a JSON array."
                    : "The request body must be a JSON object.";
        }
        if (cause instanceof StreamConstraintsException) {
            return "The request body is too large for the JSON reader: it nests more than 1000 levels deep or "
                    + "holds a string or number longer than the reader accepts.";
        }
        if (cause instanceof JsonProcessingException json) {
            return "JSON parse error - " + plain(json.getOriginalMessage()) + locationOf(json);
        }
        return "The request body is missing or is not JSON.";
    }

    /** Jackson's parse message without its source excerpt, which names Jackson's own settings. */
    private static String plain(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        int source = message.indexOf(" (start marker at [Source");
        String plain = source < 0 ? message : message.substring(0, source);
        int reference = plain.indexOf("[Source:");
        return reference < 0 ? plain : plain.substring(0, reference).strip();
    }

    /** The key given twice, wherever in the body (Jackson reports it as a parse error, maybe wrapped). */
    private static String duplicateKey(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException parse && parse.getOriginalMessage() != null) {
                String message = parse.getOriginalMessage();
                String prefix = "Duplicate field '";
                if (message.startsWith(prefix) && message.endsWith("'")) {
                    return message.substring(prefix.length(), message.length() - 1);
                }
            }
        }
        return null;
    }

    /** The innermost named field on the path to the value that failed (the list for its elements). */
    private static String fieldOf(JsonMappingException mapping) {
        String field = null;
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                field = reference.getFieldName();
            }
        }
        return field;
    }

    private static String locationOf(JsonProcessingException json) {
        return json.getLocation() == null
                ? ""
                : " (line %d, column %d)".formatted(json.getLocation().getLineNr(), json.getLocation().getColumnNr());
    }
}
