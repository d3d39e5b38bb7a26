package dev.onboardingengine.api.migration;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.onboardingengine.api.problem.DialectErrors;
import dev.onboardingengine.api.problem.FieldProblems;
import dev.onboardingengine.workflow.migration.ProcessMigrations;

/**
 * {@code /api/admin/process-migrations} answers 403 (not an admin), 400 (a body that is not a
 * migration, naming the field), 404 (a version not deployed) or 409 (versions that cannot be mapped),
 * never 500, in the shared problem shape.
 */
@RestControllerAdvice(assignableTypes = ProcessMigrationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring Boot's problem-details handler, as the dialects' advices
class ProcessMigrationErrors extends DialectErrors {

    ProcessMigrationErrors() {
        super(Map.of(), violation -> switch (violation.code()) {
            case "required" -> "This field is required.";
            case "same" -> "must differ from from_version.";
            default -> "must be a version number (1 or more).";
        });
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return FieldProblems.unreadable(unreadable, (type, field) -> type == String.class
                ? "must be a string."
                : "must be a version number (1 or more).");
    }

    @ExceptionHandler(ProcessMigrations.ProcessVersionNotFound.class)
    ProblemDetail unknownVersion(ProcessMigrations.ProcessVersionNotFound unknown) {
        return FieldProblems.notFound(unknown.getMessage());
    }

    @ExceptionHandler(ProcessMigrations.VersionsNotMappable.class)
    ProblemDetail notMappable(ProcessMigrations.VersionsNotMappable invalid) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, invalid.getMessage());
    }
}
