package dev.onboardingengine.api.problem;

import java.util.List;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring MVC's own errors (406, 415, 405, missing parameters, ...) as RFC 7807 problems, in place of
 * Spring Boot's default handler, for every route whose dialect advice does not answer them itself
 * (journeys, actions, process migrations, and anything a dialect leaves out). A body that is not the
 * expected JSON and a parameter of the wrong type are answered in {@link FieldProblems}' shape, naming
 * the field in plain words, as the dialects do. On a path an {@link ErrorDialect} covers (Offly's), the
 * answer is that dialect's error body instead, with the same status and headers.
 */
@RestControllerAdvice
@Order(0)
class StandardErrors extends ResponseEntityExceptionHandler {

    private final ErrorDialects dialects;

    StandardErrors(ObjectProvider<ErrorDialect> dialects) {
        this.dialects = new ErrorDialects(dialects.orderedStream().toList());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        HttpServletRequest servlet = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
        if (answer == null || !(answer.getBody() instanceof ProblemDetail problem) || servlet == null) {
            return answer;
        }
        return dialects.of(servlet).<ResponseEntity<Object>>map(dialect -> {
            HttpHeaders dialectHeaders = new HttpHeaders();
            dialectHeaders.putAll(answer.getHeaders());
            dialectHeaders.setContentType(dialect.contentType());
            return ResponseEntity.status(answer.getStatusCode()).headers(dialectHeaders)
                    .body(dialect.body(problem, servlet));
        }).orElse(answer);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(unreadable,
                FieldProblems.unreadable(unreadable, (type, field) -> "must be " + TypeWords.of(type) + "."),
                headers, status, request);
    }

    /** Input refused before a handler ran ({@code input.NulCheck}), on routes whose advice does not map it. */
    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput invalid) {
        return FieldProblems.badRequest(invalid.violations(),
                violation -> "nul".equals(violation.code()) ? NulCharacter.message() : "is not valid.");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : mismatch.getPropertyName();
        if (field == null) {
            return super.handleTypeMismatch(mismatch, headers, status, request);
        }
        return handleExceptionInternal(mismatch, FieldProblems.badRequest(
                Map.of(field, List.of("must be " + TypeWords.of(mismatch.getRequiredType()) + "."))),
                headers, status, request);
    }
}
