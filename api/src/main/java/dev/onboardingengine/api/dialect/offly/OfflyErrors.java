package dev.onboardingengine.api.dialect.offly;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.onboardingengine.api.problem.DialectErrors;
import dev.onboardingengine.api.problem.FieldProblems;
import dev.onboardingengine.api.problem.InvalidInput;

/**
 * Offly's reference documents no error body, so its routes answer the shared RFC 7807 shape
 * ({@link FieldProblems}) with Offly's snake_case field names as members.
 */
@RestControllerAdvice(assignableTypes = OfflyUsersController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OfflyErrors extends DialectErrors {

    /** NewHire's field names, as Offly calls them. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("firstName", "first_name"), Map.entry("lastName", "last_name"), Map.entry("email", "email"),
            Map.entry("role", "role"), Map.entry("position", "job_title"), Map.entry("startDay", "start_date"),
            Map.entry("managerId", "manager_id"), Map.entry("unitOrganizationId", "department_id"));

    OfflyErrors() {
        super(FIELD_NAMES, OfflyErrors::message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return FieldProblems.unreadable(unreadable, OfflyErrors::typeMessage);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException mismatch) {
        return FieldProblems.badRequest(Map.of(mismatch.getName(),
                List.of(typeMessage(mismatch.getRequiredType(), mismatch.getName()))));
    }

    @ExceptionHandler(UserArchived.class)
    ProblemDetail archived(UserArchived archived) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, archived.getMessage());
    }

    private static String message(InvalidInput.Violation violation) {
        Object value = violation.rejectedValue();
        return switch (violation.code()) {
            case "required" -> "is required.";
            case "blank" -> "must not be blank.";
            case "invalid" -> "is not a valid email address.";
            case "duplicate" -> "\"%s\" is already taken.".formatted(value);
            case "invalid_choice" -> "\"%s\" is not a valid choice.".formatted(value);
            case "unknown_reference" -> "no such id: %s.".formatted(value);
            case "self_reference" -> "cannot be the user themselves.";
            case "invalid_days" -> "must hold only mon, tue, wed, thu, fri, sat, sun.";
            case "out_of_range" -> "\"%s\" is out of range.".formatted(value);
            case "not_a_number" -> "\"%s\" is not a number.".formatted(value);
            case "nul" -> dev.onboardingengine.api.problem.NulCharacter.message();
            case "too_long" -> "must have at most %s characters.".formatted(value);
            default -> "is not valid.";
        };
    }

    private static String typeMessage(Class<?> target, String field) {
        if (target == null) {
            return "is not valid.";
        }
        if (UUID.class.equals(target)) {
            return "is not a valid UUID.";
        }
        if (LocalDate.class.equals(target)) {
            return "is not a valid date: use YYYY-MM-DD.";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be a list.";
        }
        return "must be a string.";
    }
}
