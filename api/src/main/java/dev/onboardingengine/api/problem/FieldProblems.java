package dev.onboardingengine.api.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The one error shape of every dialect: an RFC 7807 problem whose extension members are the bad
 * fields, each with a list of messages ({@code {"email": ["..."]}}, Django REST framework's shape,
 * which ChiefOnboarding clients expect), and whose {@code detail} names every field for clients that
 * read only RFC 7807. Dialects differ only in their field names and messages.
 */
public final class FieldProblems {

    public static final URI INVALID_INPUT = URI.create("https://onboardingengine.dev/problems/invalid-input");
    public static final URI NOT_FOUND = URI.create("https://onboardingengine.dev/problems/not-found");
    public static final URI FORBIDDEN = URI.create("https://onboardingengine.dev/problems/forbidden");

    private FieldProblems() {
    }

    /** 400 naming each field in {@code fields} (kept in the given order). */
    public static ProblemDetail badRequest(Map<String, List<String>> fields) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setDetail(fields.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + String.join(" ", entry.getValue()))
                .collect(Collectors.joining("; ")));
        fields.forEach(problem::setProperty);
        return problem;
    }

    /**
     * 400 for a body that is not the expected JSON: a value of the wrong type names its field with
     * {@code typeMessage(targetType, field)}; broken JSON gets the parser's message and location.
     */
    /**
     * A 400 from violations, each turned into the dialect's message and grouped by field, in the order
     * they were found.
     */
    public static ProblemDetail badRequest(List<InvalidInput.Violation> violations,
            java.util.function.Function<InvalidInput.Violation, String> message) {
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        for (InvalidInput.Violation violation : violations) {
            fields.computeIfAbsent(violation.field(), f -> new java.util.ArrayList<>()).add(message.apply(violation));
        }
        return badRequest(fields);
    }

    /** A hire's violations under the dialect's own field names (unmapped names are kept). */
    public static List<InvalidInput.Violation> renamed(dev.onboardingengine.api.hire.InvalidHire invalid,
            Map<String, String> fieldNames) {
        return invalid.violations().stream()
                .map(v -> new InvalidInput.Violation(fieldNames.getOrDefault(v.field(), v.field()), v.code(),
                        v.rejectedValue()))
                .toList();
    }

    public static ProblemDetail unreadable(HttpMessageNotReadableException unreadable,
            BiFunction<Class<?>, String, String> typeMessage) {
        if (unreadable.getCause() instanceof MismatchedInputException mismatch && fieldOf(mismatch) != null) {
            String field = fieldOf(mismatch);
            return badRequest(Map.of(field, List.of(typeMessage.apply(mismatch.getTargetType(), field))));
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(INVALID_INPUT);
        problem.setTitle("Malformed request body");
        problem.setDetail(unreadable.getCause() instanceof JsonProcessingException json
                ? "JSON parse error - " + json.getOriginalMessage() + locationOf(json)
                : "The request body is missing or is not JSON.");
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

    private static String fieldOf(JsonMappingException mismatch) {
        return mismatch.getPath().stream()
                .map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null)
                .findFirst()
                .orElse(null);
    }

    private static String locationOf(JsonProcessingException json) {
        return json.getLocation() == null ? ""
                : " (line %d, column %d)".formatted(json.getLocation().getLineNr(), json.getLocation().getColumnNr());
    }
}
