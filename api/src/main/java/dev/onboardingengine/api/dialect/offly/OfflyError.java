package dev.onboardingengine.api.dialect.offly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.onboardingengine.api.problem.FieldProblems;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Offly's error body (docs.offly.net, "Errors"):
 * {@code {"error":{"code":"validation_error","message":"...","details":{"field":"start_date"}}}}. The
 * code follows the status as Offly's table lists them; {@code details.field} names the first bad
 * field and {@code details.fields} every bad field with its messages (an extension: Offly documents
 * one field, a request here is refused with all of its mistakes at once).
 */
@Schema(name = "OfflyError", description = "Offly's error body")
record OfflyError(@JsonProperty("error") Error error) {

    static final String FIELD = "field";
    static final String FIELDS = "fields";

    @Schema(name = "OfflyErrorDetail")
    record Error(
            @Schema(description = "bad_request 400, unauthorized 401, forbidden 403, not_found 404, conflict 409, "
                    + "validation_error 422, rate_limited 429, internal_error 500", example = "validation_error") @JsonProperty("code") String code,
            @Schema(example = "start_date: is not a valid date: use YYYY-MM-DD.") @JsonProperty("message") String message,
            @Schema(description = "field: the first bad field; fields: every bad field with its messages", example = "{\"field\":\"start_date\",\"fields\":{\"start_date\":[\"is not a valid date: use YYYY-MM-DD.\"]}}") @JsonProperty("details") Map<String, Object> details) {
    }

    /** An error not tied to a field. */
    static OfflyError of(HttpStatusCode status, String message) {
        return new OfflyError(new Error(codeOf(status), message, Map.of()));
    }

    /** An error naming each field in {@code fields}, in order; the message names them all. */
    static OfflyError of(HttpStatusCode status, Map<String, List<String>> fields) {
        String message = fields.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + String.join(" ", entry.getValue()))
                .collect(Collectors.joining("; "));
        Map<String, Object> details = new LinkedHashMap<>();
        if (!fields.isEmpty()) {
            details.put(FIELD, fields.keySet().iterator().next());
            details.put(FIELDS, fields);
        }
        return new OfflyError(new Error(codeOf(status), message, details));
    }

    /** A problem document's message and fields in Offly's shape, with {@code status}. */
    static OfflyError of(HttpStatusCode status, ProblemDetail problem) {
        Map<String, List<String>> fields = FieldProblems.fieldsOf(problem);
        return fields.isEmpty()
                ? of(status, problem.getDetail() != null ? problem.getDetail() : problem.getTitle())
                : of(status, fields);
    }

    /** Offly's code for a status; a status its table does not list gets the code of its class. */
    static String codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 422 -> "validation_error";
            case 429 -> "rate_limited";
            default -> status.is5xxServerError() ? "internal_error" : "bad_request";
        };
    }
}
