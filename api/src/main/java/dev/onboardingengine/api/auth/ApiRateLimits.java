package dev.onboardingengine.api.auth;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.throttle.ClientThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Each dialect's documented rate per API token (Bucket4j buckets, {@link ClientThrottle}), after the
 * token filter: a refused request is answered 429 with {@code Retry-After} and reaches no handler. The
 * buckets are keyed by a hash of the token, never the token itself.
 */
class ApiRateLimits extends OncePerRequestFilter {

    private static final String BRIDGE_PATH = "/api/admin/users";

    private final ObjectMapper objectMapper;
    private final Optional<Limit> workelo;
    private final Optional<Limit> bridge;

    ApiRateLimits(RateLimitProperties properties, ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.workelo = Limit.of("Workelo", properties.workeloPerHour(), Duration.ofHours(1), "hour");
        this.bridge = Limit.of("Bridge", properties.bridgePerSecond(), Duration.ofSeconds(1), "second");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Limit> limit = limitOf(request.getRequestURI().substring(request.getContextPath().length()));
        String key = ApiTokenFilter.keyOf(request.getHeader(HttpHeaders.AUTHORIZATION)).orElse(null);
        if (limit.isEmpty() || key == null || request.getAttribute(Caller.REQUEST_ATTRIBUTE) == null) {
            chain.doFilter(request, response);
            return;
        }
        ClientThrottle.Attempt attempt = limit.get().throttle().tryAcquire(hash(key));
        if (attempt.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Request was throttled: %s allows %d requests per %s per token. Expected available in %d seconds."
                        .formatted(limit.get().product(), limit.get().requests(), limit.get().unit(),
                                attempt.retryAfterSeconds()));
        problem.setType(URI.create("https://onboardingengine.dev/problems/rate-limited"));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(attempt.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    private Optional<Limit> limitOf(String path) {
        if (path.equals(BRIDGE_PATH) || path.startsWith(BRIDGE_PATH + "/")) {
            return bridge;
        }
        String unversioned = path.startsWith("/v1/") ? path.substring(3) : path;
        return WorkeloRoutes.isWorkelo(unversioned) ? workelo : Optional.empty();
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    private record Limit(String product, long requests, String unit, ClientThrottle throttle) {

        static Optional<Limit> of(String product, long requests, Duration window, String unit) {
            return requests <= 0 ? Optional.empty()
                    : Optional.of(new Limit(product, requests, unit, new ClientThrottle(requests, window)));
        }
    }
}
