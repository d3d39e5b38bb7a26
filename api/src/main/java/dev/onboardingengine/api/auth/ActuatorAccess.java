package dev.onboardingengine.api.auth;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Actuator is for operators: anyone may ask {@code /actuator/health/liveness} and
 * {@code /actuator/health/readiness} (an orchestrator's probes; status only, no components or
 * details); every other endpoint (health with its details, info, metrics, prometheus) takes an
 * administrator's API token, as {@code Token} or {@code Bearer}. 401 without a valid token, 403 for
 * a token of someone who is not an administrator.
 */
class ActuatorAccess extends OncePerRequestFilter {

    static final Set<String> PROBES = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

    private final ApiTokens tokens;
    private final ObjectMapper objectMapper;

    ActuatorAccess(ApiTokens tokens, ObjectMapper objectMapper) {
        this.tokens = tokens;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PROBES.contains(path) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = ApiTokenFilter.keyOf(request.getHeader(HttpHeaders.AUTHORIZATION))
                .flatMap(tokens::authenticate);
        if (caller.isEmpty()) {
            reject(response, HttpStatus.UNAUTHORIZED, "An administrator's API token is required.");
        } else if (!caller.get().isAdmin()) {
            reject(response, HttpStatus.FORBIDDEN, "Only administrators may read this endpoint.");
        } else {
            chain.doFilter(request, response);
        }
    }

    private void reject(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://onboardingengine.dev/problems/"
                + (status == HttpStatus.UNAUTHORIZED ? "authentication" : "forbidden")));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Token");
        }
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
