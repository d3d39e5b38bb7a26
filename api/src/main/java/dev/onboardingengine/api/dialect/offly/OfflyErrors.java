package dev.onboardingengine.api.dialect.offly;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.onboardingengine.api.hire.InvalidHire;
import dev.onboardingengine.api.people.PersonArchived;
import dev.onboardingengine.api.people.PersonNotFound;
import dev.onboardingengine.api.problem.AccessDenied;
import dev.onboardingengine.api.problem.FieldProblems;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.problem.NulCharacter;
import dev.onboardingengine.api.problem.ResourceNotFound;

/**
 * Offly's error body ({@link OfflyError}) with its documented codes for everything its routes refuse:
 * a body that fails validation is {@code 422 validation_error} naming every bad field, a malformed
 * body or a bad path or query parameter {@code 400 bad_request}, a taken email {@code 409 conflict},
 * the rest by status. Content-Type is always {@code application/json}, whatever the request accepts.
 */
@RestControllerAdvice(assignableTypes = OfflyUsersController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OfflyErrors {

    private static final Logger log = LoggerFactory.getLogger(OfflyErrors.class);

    /** NewHire's field names, as Offly calls them. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("firstName", "first_name"), Map.entry("lastName", "last_name"), Map.entry("email", "email"),
            Map.entry("role", "role"), Map.entry("position", "job_title"), Map.entry("startDay", "start_date"),
            Map.entry("managerId", "manager_id"), Map.entry("unitOrganizationId", "department_id"));

    @ExceptionHandler(InvalidHire.class)
    ResponseEntity<OfflyError> invalidHire(InvalidHire invalid) {
        List<InvalidInput.Violation> violations = FieldProblems.renamed(invalid, FIELD_NAMES);
        HttpStatus status = violations.stream().allMatch(v -> "duplicate".equals(v.code()))
                ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return answer(status, OfflyError.of(status, fields(violations)));
    }

    @ExceptionHandler(InvalidBody.class)
    ResponseEntity<OfflyError> invalidBody(InvalidBody invalid) {
        return answer(HttpStatus.UNPROCESSABLE_ENTITY,
                OfflyError.of(HttpStatus.UNPROCESSABLE_ENTITY, fields(invalid.violations())));
    }

    /** Query parameters ({@code status}, {@code limit}, {@code cursor}) and those {@code NulCheck} refused. */
    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<OfflyError> invalidInput(InvalidInput invalid) {
        return answer(HttpStatus.BAD_REQUEST, OfflyError.of(HttpStatus.BAD_REQUEST, fields(invalid.violations())));
    }

    /** A value of the wrong type at a field is a validation error of that field; broken JSON is a bad request. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<OfflyError> unreadable(HttpMessageNotReadableException unreadable) {
        ProblemDetail problem = FieldProblems.unreadable(unreadable, OfflyErrors::typeMessage);
        HttpStatus status = FieldProblems.fieldsOf(problem).isEmpty()
                ? HttpStatus.BAD_REQUEST
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return answer(status, OfflyError.of(status, problem));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<OfflyError> badParameter(MethodArgumentTypeMismatchException mismatch) {
        return answer(HttpStatus.BAD_REQUEST, OfflyError.of(HttpStatus.BAD_REQUEST,
                Map.of(mismatch.getName(), List.of(typeMessage(mismatch.getRequiredType(), mismatch.getName())))));
    }

    @ExceptionHandler(ResourceNotFound.class)
    ResponseEntity<OfflyError> notFound(ResourceNotFound notFound) {
        return answer(HttpStatus.NOT_FOUND, OfflyError.of(HttpStatus.NOT_FOUND, notFound.getMessage()));
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<OfflyError> forbidden(AccessDenied denied) {
        return answer(HttpStatus.FORBIDDEN, OfflyError.of(HttpStatus.FORBIDDEN, denied.getMessage()));
    }

    @ExceptionHandler(PersonNotFound.class)
    ResponseEntity<OfflyError> noUser(PersonNotFound notFound) {
        return answer(HttpStatus.NOT_FOUND, OfflyError.of(HttpStatus.NOT_FOUND, "No user with id " + notFound.given()));
    }

    /** An archived user is read-only: Offly keeps it for history, changes go to current users. */
    @ExceptionHandler(PersonArchived.class)
    ResponseEntity<OfflyError> archived(PersonArchived archived) {
        return answer(HttpStatus.CONFLICT, OfflyError.of(HttpStatus.CONFLICT, archived.getMessage()));
    }

    /** Spring MVC's own refusals (406, a missing body, ...) and the rate limit's 429 by their status and headers; anything else is Offly's 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<OfflyError> other(Exception failure) {
        if (failure instanceof ErrorResponse refusal) {
            HttpStatusCode status = refusal.getStatusCode();
            return ResponseEntity.status(status).headers(refusal.getHeaders()).contentType(MediaType.APPLICATION_JSON)
                    .body(OfflyError.of(status, refusal.getBody()));
        }
        log.error("Offly request failed", failure);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR,
                OfflyError.of(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred."));
    }

    private static ResponseEntity<OfflyError> answer(HttpStatus status, OfflyError body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static Map<String, List<String>> fields(List<InvalidInput.Violation> violations) {
        return FieldProblems.fieldsOf(FieldProblems.badRequest(violations, OfflyErrors::message));
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
            case "not_in_schema" -> "is not a field of this request.";
            case "not_nullable" -> "may not be null.";
            case "limit_range" -> "must be between 1 and 100.";
            case "invalid_cursor" -> "is not a cursor of this list: start again without it.";
            case "nul" -> NulCharacter.message();
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
