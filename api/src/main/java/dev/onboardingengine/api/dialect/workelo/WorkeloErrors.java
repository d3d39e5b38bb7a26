package dev.onboardingengine.api.dialect.workelo;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.onboardingengine.api.directory.EmployeeNotFound;
import dev.onboardingengine.api.paperwork.FormNotEditable;
import dev.onboardingengine.api.paperwork.InvalidOption;
import dev.onboardingengine.api.people.PersonArchived;
import dev.onboardingengine.api.people.PersonNotFound;
import dev.onboardingengine.api.problem.DialectErrors;
import dev.onboardingengine.api.problem.FieldProblems;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.api.tracks.TrackConflict;

/**
 * The Workelo dialect's errors: RFC 7807 problems built by {@link FieldProblems} (the shape every
 * dialect shares), with Workelo's snake_case field names as members and plain English messages.
 */
@RestControllerAdvice(assignableTypes = {WorkeloDirectoryController.class, WorkeloOrganisationController.class,
        WorkeloLogController.class, WorkeloTrackController.class, WorkeloFormController.class,
        WorkeloDocumentController.class, WorkeloCollectionValueController.class, WorkeloMagicLinkController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkeloErrors extends DialectErrors {

    /** The domain's field names (NewHire's, a unit's), as Workelo calls them. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("levelOrganizationId", "level_organization_id"), Map.entry("parentId", "parent_id"),
            Map.entry("firstName", "first_name"), Map.entry("lastName", "last_name"), Map.entry("email", "email"),
            Map.entry("role", "user_role_id"), Map.entry("phone", "phone"), Map.entry("position", "job_position"),
            Map.entry("language", "language"), Map.entry("startDay", "start_date"), Map.entry("buddyId", "buddy_id"),
            Map.entry("managerId", "manager_id"), Map.entry("timeZone", "time_zone"),
            Map.entry("externalId", "external_id"), Map.entry("unitOrganizationId", "unit_organization_id"));

    /** An option's field names: apart, since an option's position is its place in the list, not a job. */
    private static final Map<String, String> OPTION_FIELD_NAMES = Map.of("label", "value", "externalId",
            "external_id", "parentId", "parent_id");

    WorkeloErrors() {
        super(FIELD_NAMES, WorkeloErrors::message);
    }

    @ExceptionHandler(InvalidOption.class)
    ProblemDetail invalidOption(InvalidOption invalid) {
        return FieldProblems.badRequest(FieldProblems.renamed(invalid, OPTION_FIELD_NAMES), WorkeloErrors::message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return FieldProblems.unreadable(unreadable, WorkeloErrors::typeMessage);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException mismatch) {
        return FieldProblems.badRequest(Map.of(mismatch.getName(),
                List.of(typeMessage(mismatch.getRequiredType(), mismatch.getName()))));
    }

    @ExceptionHandler(PersonNotFound.class)
    ProblemDetail noEmployee(PersonNotFound absent) {
        return FieldProblems.notFound(new EmployeeNotFound((Long) absent.given()).getMessage());
    }

    /** Workelo shows no archived people: changing one is changing no one. */
    @ExceptionHandler(PersonArchived.class)
    ProblemDetail archived(PersonArchived archived) {
        return FieldProblems.notFound(new EmployeeNotFound((Long) archived.given()).getMessage());
    }

    @ExceptionHandler(TrackConflict.class)
    ProblemDetail conflict(TrackConflict conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.CONFLICT,
                conflict.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    /** A form or document whose status does not allow the change: done, not submitted, already signed. */
    @ExceptionHandler({FormNotEditable.class,
            dev.onboardingengine.api.paperwork.JourneyDocuments.DocumentNotReady.class})
    ProblemDetail wrongStatus(RuntimeException wrongStatus) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.CONFLICT,
                wrongStatus.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    /** A magic link for someone with no active journey would open nothing: 409, naming the employee. */
    @ExceptionHandler(dev.onboardingengine.api.portal.NoActiveJourney.class)
    ProblemDetail noActiveJourney(dev.onboardingengine.api.portal.NoActiveJourney inactive) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.CONFLICT,
                inactive.getMessage());
        problem.setTitle("No active journey");
        problem.setProperty("employee_id", inactive.employeeId());
        return problem;
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
            case "self_reference" -> "cannot be the employee themselves.";
            case "cycle" ->
                "unit %s is this unit or one below it: a unit cannot become its own ancestor.".formatted(value);
            case "invalid_date" ->
                "\"%s\" is not a date (YYYY-MM-DD) or an instant (2026-01-01T00:00:00Z).".formatted(value);
            case "before_from" -> "must be after from.";
            case "before_start" -> "must be after start_date.";
            case "one_of" -> "give either employee_id or employee, not both and not neither.";
            case "not_applicable" -> "templates %s are of another mobility or organisation unit.".formatted(value);
            case "out_of_range" -> "\"%s\" is out of range.".formatted(value);
            case "not_a_number" -> "\"%s\" is not a number.".formatted(value);
            case "too_long" -> "must have at most %s characters.".formatted(value);
            case "not_a_string" -> "must be a string.";
            case "not_base64" -> "is not valid base64.";
            case "empty" -> "is an empty file.";
            case "too_large" -> "is larger than the %s allowed.".formatted(value);
            case "type_not_allowed" -> "is a %s file by its content, which is not an allowed type.".formatted(value);
            case "disguised" -> "is a %s file by its content, but its name says otherwise.".formatted(value);
            case "use_paperwork_files" -> "is a file field: upload the file with POST /paperwork_files.";
            case "not_a_file_field" -> "%s is not a file field.".formatted(value);
            case "not_under_parent" -> "is not an option under the one chosen for %s.".formatted(value);
            case "parent_cycle" -> "would put the option under itself or one below it.";
            case "invalid_key" -> "must be lower-case letters, digits and dashes.";
            case "not_a_selection" -> "%s is not a selection list.".formatted(value);
            case "nul" -> dev.onboardingengine.api.problem.NulCharacter.message();
            case "date_out_of_range" -> dev.onboardingengine.api.problem.DateOutOfRange.message();
            default -> "is not valid.";
        };
    }

    private static String typeMessage(Class<?> target, String field) {
        if (target == null) {
            return "is not valid.";
        }
        if (LocalDate.class.equals(target)) {
            return "is not a valid date: use YYYY-MM-DD.";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "must be a whole number.";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be a list.";
        }
        return "must be a string.";
    }
}
