package dev.onboardingengine.api.problem;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A dialect whose clients expect their own error body instead of RFC 7807, for answers given before
 * or outside its controllers: the token filter's 401, Spring MVC's 404, 405, 406 and 415, a
 * parameter refused by {@code input.NulCheck}. Chosen by request path; paths no dialect covers keep
 * the problem document.
 */
public interface ErrorDialect {

    /** Whether {@code path} (within the application, e.g. {@code /api/v1/users/42}) is this dialect's. */
    boolean covers(String path);

    /** The dialect's body for {@code problem}, which carries the status, the message and any field members. */
    Object body(ProblemDetail problem);

    /**
     * The same, for a dialect whose message names part of the request (Django REST framework's 405 names
     * the method, its 415 the content type): by default {@link #body(ProblemDetail)}.
     */
    default Object body(ProblemDetail problem, HttpServletRequest request) {
        return body(problem);
    }

    MediaType contentType();
}
