package dev.onboardingengine.api.dialect.bridge;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.onboardingengine.api.hire.EmployeeArchive;
import dev.onboardingengine.api.people.CannotRemoveSelf;
import dev.onboardingengine.api.problem.DialectErrors;
import dev.onboardingengine.api.problem.FieldProblems;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.problem.TypeWords;

/**
 * Bridge documents status codes (400 when the user exists, 404 unknown, 403 yourself) but no error
 * body: its routes answer the shared RFC 7807 shape ({@link FieldProblems}) with Bridge's field names.
 * Hiding an active user, which Bridge forbids without naming a code, is 409 Conflict.
 */
@RestControllerAdvice(assignableTypes = BridgeUsersController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BridgeErrors extends DialectErrors {

    /** NewHire's field names, as Bridge calls them. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("firstName", "first_name"), Map.entry("lastName", "last_name"), Map.entry("email", "email"),
            Map.entry("position", "job_title"), Map.entry("language", "locale"), Map.entry("startDay", "hire_date"),
            Map.entry("managerId", "manager_id"), Map.entry(BridgeTranslation.UID, "uid"),
            Map.entry("identifications", "custom_fields"));

    BridgeErrors() {
        super(FIELD_NAMES, BridgeErrors::message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return FieldProblems.unreadable(unreadable, (target, field) -> "has the wrong type.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException mismatch) {
        return FieldProblems.badRequest(Map.of(mismatch.getName(), List.of("is not valid: use YYYY-MM-DD for dates.")));
    }

    @ExceptionHandler(CannotRemoveSelf.class)
    ProblemDetail yourself(CannotRemoveSelf denied) {
        return FieldProblems.forbidden("A user cannot %s himself/herself."
                .formatted(denied.removal() == CannotRemoveSelf.Removal.DELETE ? "delete" : "hide"));
    }

    @ExceptionHandler(EmployeeArchive.StillActive.class)
    ProblemDetail stillActive(EmployeeArchive.StillActive active) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, active.getMessage());
    }

    private static String message(InvalidInput.Violation violation) {
        Object value = violation.rejectedValue();
        return switch (violation.code()) {
            case "required" -> "is required.";
            case "blank" -> "must not be blank.";
            case "invalid" -> "is not a valid email address.";
            case "exists" -> "\"%s\": the user already exists.".formatted(value);
            case "duplicate" -> "\"%s\": the user already exists.".formatted(value);
            case "invalid_choice" -> "\"%s\" is not a valid choice.".formatted(value);
            case "unknown_reference" -> "no user %s (give an id or uid:<uid>).".formatted(value);
            case "unknown_field" -> "no custom field %s: create it first (GET /identification_resources lists them)."
                    .formatted(value);
            case "no_value" -> "custom field %s has no value.".formatted(value);
            case "not_an_object" -> ("the first entry must be a UserRequest object such as {\"uid\":\"hsolo\","
                    + "\"first_name\":\"Han\",\"last_name\":\"Solo\",\"email\":\"h.solo@example.com\"}, not %s "
                    + "(\"{API::UserRequest}\" is the documentation's placeholder).").formatted(value == null
                            ? "null"
                            : "\"" + value + "\"");
            case "wrong_type" -> "must be %s.".formatted(TypeWords.ofSimpleName(value));
            case "before_start" -> "must not be before start_date.";
            case "nul" -> dev.onboardingengine.api.problem.NulCharacter.message();
            case "too_long" -> "must have at most %s characters.".formatted(value);
            case "date_out_of_range" -> dev.onboardingengine.api.problem.DateOutOfRange.message();
            default -> "is not valid.";
        };
    }
}
