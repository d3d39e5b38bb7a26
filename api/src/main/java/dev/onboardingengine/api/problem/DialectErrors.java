package dev.onboardingengine.api.problem;

import java.util.Map;
import java.util.function.Function;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The handlers every dialect's error advice shares: invalid hires and input as a {@link FieldProblems}
 * 400 in the dialect's field names and messages, unknown or out-of-reach resources as 404, missing
 * rights as 403. A dialect's advice extends it and adds what is its own.
 */
public abstract class DialectErrors {

    private final Map<String, String> fieldNames;
    private final Function<InvalidInput.Violation, String> messages;

    /**
     * @param fieldNames NewHire's field names as the dialect calls them
     * @param messages the dialect's message for a violation
     */
    protected DialectErrors(Map<String, String> fieldNames, Function<InvalidInput.Violation, String> messages) {
        this.fieldNames = fieldNames;
        this.messages = messages;
    }

    @ExceptionHandler(InvalidFields.class)
    protected ProblemDetail invalidHire(InvalidFields invalid) {
        return FieldProblems.badRequest(FieldProblems.renamed(invalid, fieldNames), messages);
    }

    /**
     * A nested field ({@code employee.unitOrganizationId}: a NewHire field inside a request) gets the
     * dialect's name for its last part; the other fields are already the dialect's own names.
     */
    @ExceptionHandler(InvalidInput.class)
    protected ProblemDetail invalidInput(InvalidInput invalid) {
        return FieldProblems.badRequest(invalid.violations().stream().map(this::nestedNamed).toList(), messages);
    }

    private InvalidInput.Violation nestedNamed(InvalidInput.Violation violation) {
        int dot = violation.field().lastIndexOf('.');
        if (dot < 0) {
            return violation;
        }
        String last = violation.field().substring(dot + 1);
        return new InvalidInput.Violation(violation.field().substring(0, dot + 1) + fieldNames.getOrDefault(last, last),
                violation.code(), violation.rejectedValue());
    }

    @ExceptionHandler(ResourceNotFound.class)
    protected ProblemDetail notFound(ResourceNotFound notFound) {
        return FieldProblems.notFound(notFound.getMessage());
    }

    @ExceptionHandler(AccessDenied.class)
    protected ProblemDetail forbidden(AccessDenied denied) {
        return FieldProblems.forbidden(denied.getMessage());
    }
}
