package dev.onboardingengine.api.dialect.chiefonboarding;

import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import dev.onboardingengine.api.problem.ErrorDialect;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Django REST framework's error bodies ({@link DrfErrors}) for answers given outside
 * {@link ChiefOnboardingController} on ChiefOnboarding's routes (back/api/urls.py: {@code users/},
 * {@code employees/}, {@code sequences/} under {@code /api/}, and {@code offboarding/}, which is not
 * served here and answers DRF's 404): the token filter's 401, Spring MVC's 404, 405, 406 and 415.
 */
@Component
class ChiefOnboardingErrorDialect implements ErrorDialect {

    private static final Pattern PATHS = Pattern.compile("/api/(users|employees|sequences|offboarding)(/.*)?");

    @Override
    public boolean covers(String path) {
        return PATHS.matcher(path).matches();
    }

    @Override
    public Object body(ProblemDetail problem) {
        return DrfErrors.of(problem, null);
    }

    @Override
    public Object body(ProblemDetail problem, HttpServletRequest request) {
        return DrfErrors.of(problem, request);
    }

    @Override
    public MediaType contentType() {
        return MediaType.APPLICATION_JSON;
    }
}
