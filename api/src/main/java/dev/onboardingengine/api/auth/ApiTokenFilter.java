package dev.onboardingengine.api.auth;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.problem.ErrorDialect;
import dev.onboardingengine.api.problem.ErrorDialects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stateless API authentication: {@code Authorization: Token <key>} (ChiefOnboarding),
 * {@code Bearer <key>} (Offly, Workelo, the Bridge seed) or {@code Basic <key>} (Bridge's API
 * documentation sends its API token that way: the token itself, not a user:password pair). Sessions
 * and cookies never authenticate the API. A Bearer key is a static API token or an unexpired access
 * token of an OAuth client ({@link OAuthAccessTokens}), which acts as the client's owner. The messages are ChiefOnboarding's, inside an RFC 7807
 * problem document, or inside the error body of the dialect whose path it is ({@link ErrorDialect}).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final java.util.Set<String> SCHEMES = java.util.Set.of("token", "bearer", "basic");

    private final ApiTokens tokens;
    private final OAuthAccessTokens issued;
    private final ApiAccessProperties access;
    private final ObjectMapper objectMapper;
    private final ErrorDialects dialects;

    ApiTokenFilter(ApiTokens tokens, OAuthAccessTokens issued, ApiAccessProperties access, ObjectMapper objectMapper,
            ErrorDialects dialects) {
        this.tokens = tokens;
        this.issued = issued;
        this.access = access;
        this.objectMapper = objectMapper;
        this.dialects = dialects;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!access.enabled()) {
            reject(request, response, HttpStatus.NOT_FOUND, "The API is disabled on this server (API_ACCESS=false).");
            return;
        }
        Optional<String> key = keyOf(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (key.isEmpty()) {
            reject(request, response, HttpStatus.UNAUTHORIZED, "Authentication credentials were not provided.");
            return;
        }
        // A static API token, or an access token POST /oauth/token issued (Workelo's OAuth clients)
        Optional<Caller> caller = tokens.authenticate(key.get()).or(() -> issued.authenticate(key.get()));
        if (caller.isEmpty()) {
            reject(request, response, HttpStatus.UNAUTHORIZED, "Invalid token.");
            return;
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    static Optional<String> keyOf(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !SCHEMES.contains(parts[0].toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(parts[1].trim()).filter(key -> !key.isEmpty());
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://onboardingengine.dev/problems/"
                + (status == HttpStatus.NOT_FOUND ? "api-disabled" : "authentication")));
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Token");
        }
        Optional<ErrorDialect> dialect = dialects.of(request);
        response.setContentType(
                dialect.map(d -> d.contentType().toString()).orElse(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        objectMapper.writeValue(response.getOutputStream(),
                dialect.<Object>map(d -> d.body(problem, request)).orElse(problem));
    }
}
