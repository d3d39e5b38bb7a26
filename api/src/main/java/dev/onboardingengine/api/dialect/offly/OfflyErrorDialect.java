package dev.onboardingengine.api.dialect.offly;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import dev.onboardingengine.api.problem.ErrorDialect;

/**
 * Offly's error body for answers given outside {@link OfflyUsersController}: the token filter's 401,
 * and Spring MVC's 404, 405 and 415 under {@code /api/v1/users}.
 */
@Component
class OfflyErrorDialect implements ErrorDialect {

    static final String PATH = "/api/v1/users";

    @Override
    public boolean covers(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    @Override
    public Object body(ProblemDetail problem) {
        return OfflyError.of(HttpStatusCode.valueOf(problem.getStatus()), problem);
    }

    @Override
    public MediaType contentType() {
        return MediaType.APPLICATION_JSON;
    }
}
