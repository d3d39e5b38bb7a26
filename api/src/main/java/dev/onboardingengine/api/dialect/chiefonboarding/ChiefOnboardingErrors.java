package dev.onboardingengine.api.dialect.chiefonboarding;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.problem.AccessDenied;
import dev.onboardingengine.api.problem.FieldProblems;

/**
 * ChiefOnboarding's error shape inside an RFC 7807 problem document. ChiefOnboarding (Django REST
 * framework) answers a bad request with {@code {"field": ["message", ...]}}; we answer
 * {@code application/problem+json} whose extension members are exactly those field keys with
 * ChiefOnboarding's own messages. A client written for ChiefOnboarding finds its keys; a client that
 * speaks RFC 7807 finds type, title, status and a detail naming every field. The shape is built by
 * {@link FieldProblems}, shared with the other dialects; only the field names and messages are here.
 */
@RestControllerAdvice(assignableTypes = ChiefOnboardingController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChiefOnboardingErrors {

    /** NewHire's field names, as ChiefOnboarding calls them. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("firstName", "first_name"), Map.entry("lastName", "last_name"), Map.entry("email", "email"),
            Map.entry("role", "role"), Map.entry("phone", "phone"), Map.entry("position", "position"),
            Map.entry("language", "language"), Map.entry("message", "message"), Map.entry("startDay", "start_day"),
            Map.entry("buddyId", "buddy"), Map.entry("managerId", "manager"), Map.entry("timeZone", "timezone"),
            Map.entry("sequenceIds", "sequences"));

    @ExceptionHandler(InvalidHire.class)
    ProblemDetail invalidHire(InvalidHire invalid) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (InvalidHire.Violation violation : invalid.violations()) {
            String field = FIELD_NAMES.getOrDefault(violation.field(), violation.field());
            fields.computeIfAbsent(field, f -> new java.util.ArrayList<>()).add(message(field, violation));
        }
        return badRequest(fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return FieldProblems.unreadable(unreadable, ChiefOnboardingErrors::typeMessage);
    }

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail forbidden(AccessDenied forbidden) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, forbidden.getMessage());
    }

    private static ProblemDetail badRequest(Map<String, List<String>> fields) {
        return FieldProblems.badRequest(fields);
    }

    private static String message(String field, InvalidHire.Violation violation) {
        return switch (violation.code()) {
            case "required" -> "This field is required.";
            case "blank" -> "This field may not be blank.";
            case "invalid" -> "Enter a valid email address.";
            case "duplicate" -> "user with this email already exists.";
            // Django's MaxLengthValidator, word for word.
            case "too_long" -> "Ensure this field has no more than %s characters.".formatted(violation.rejectedValue());
            case "invalid_choice" -> "\"%s\" is not a valid choice.".formatted(violation.rejectedValue());
            case "unknown_reference" -> field.equals("sequences")
                    ? "Not all sequence ids are valid."
                    : "Invalid pk \"%s\" - object does not exist.".formatted(violation.rejectedValue());
            default -> "This value is not valid.";
        };
    }

    private static String typeMessage(Class<?> target, String field) {
        if (target == null) {
            return "This value is not valid.";
        }
        if (LocalDate.class.equals(target)) {
            return "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return field.equals("buddy") || field.equals("manager") || field.equals("sequences")
                    ? "Incorrect type. Expected pk value."
                    : "A valid integer is required.";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "Expected a list of items.";
        }
        return "Not a valid string.";
    }
}
