package dev.onboardingengine.api.dialect.chiefonboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import dev.onboardingengine.api.problem.FieldProblems;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Error bodies as Django REST framework renders them (rest_framework/views.py {@code exception_handler}
 * with ChiefOnboarding's only renderer, {@code JSONRenderer}): {@code application/json}; a validation
 * error is the serializer's errors, one key per field holding its messages
 * ({@code {"email": ["This field may not be blank."]}}), {@code non_field_errors} for the body as a
 * whole; every other refusal is {@code {"detail": "..."}} with DRF's own message for its status.
 */
final class DrfErrors {

    /** rest_framework.settings NON_FIELD_ERRORS_KEY, which ChiefOnboarding leaves at its default. */
    static final String NON_FIELD_ERRORS = "non_field_errors";

    private DrfErrors() {
    }

    /** {@code {"detail": "..."}}. */
    static Map<String, Object> detail(String message) {
        return Map.of("detail", message != null ? message : "Malformed request.");
    }

    /** A serializer's errors: each field (in order) with its messages, or a nested map for list items. */
    static ResponseEntity<Object> badRequest(Map<String, ?> fields) {
        return answer(HttpStatusCode.valueOf(400), new LinkedHashMap<>(fields));
    }

    static ResponseEntity<Object> nonField(String message) {
        return badRequest(Map.of(NON_FIELD_ERRORS, List.of(message)));
    }

    static ResponseEntity<Object> answer(HttpStatusCode status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * A problem raised outside ChiefOnboarding's handlers (the token filter, Spring MVC's 404, 405, 406
     * and 415) in DRF's words: its fields if it names any, otherwise the detail DRF gives that status.
     */
    static Object of(ProblemDetail problem, HttpServletRequest request) {
        Map<String, List<String>> fields = FieldProblems.fieldsOf(problem);
        if (!fields.isEmpty()) {
            return new LinkedHashMap<>(fields);
        }
        return detail(switch (problem.getStatus()) {
            // rest_framework/exceptions.py, default_detail of each exception
            case 404 -> "Not found.";
            case 405 -> "Method \"%s\" not allowed.".formatted(request == null ? "" : request.getMethod());
            case 406 -> "Could not satisfy the request Accept header.";
            case 415 -> "Unsupported media type \"%s\" in request."
                    .formatted(request == null || request.getContentType() == null ? "" : request.getContentType());
            default -> problem.getDetail() != null
                    ? problem.getDetail()
                    : problem.getTitle() != null ? problem.getTitle() : "Malformed request.";
        });
    }
}
