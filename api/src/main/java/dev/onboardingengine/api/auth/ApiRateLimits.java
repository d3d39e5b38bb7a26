package dev.onboardingengine.api.auth;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.onboardingengine.api.problem.RateLimited;
import dev.onboardingengine.api.throttle.ClientThrottle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Each dialect's documented rate per API token (Bucket4j buckets, {@link ClientThrottle}), in front
 * of every handler: a refused request is {@link RateLimited} (429, {@code Retry-After}, the dialect's
 * error body) and reaches no handler. The token filter has already refused requests without a valid
 * token, so every token counted is a real one; buckets are keyed by its SHA-256, never the token.
 */
class ApiRateLimits implements HandlerInterceptor {

    private static final String BRIDGE_PATH = "/api/admin/users";
    private static final String OFFLY_PATH = "/api/v1/users";

    private final Optional<Limit> workelo;
    private final Optional<Limit> bridge;
    private final Optional<Limit> offly;

    ApiRateLimits(RateLimitProperties properties) {
        this.workelo = Limit.of("Workelo", properties.workeloRequests(), properties.workeloWindow());
        this.bridge = Limit.of("Bridge", properties.bridgeRequests(), properties.bridgeWindow());
        this.offly = Limit.of("Offly", properties.offlyRequests(), properties.offlyWindow());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Optional<Limit> limit = limitOf(request.getRequestURI().substring(request.getContextPath().length()));
        Optional<String> token = ApiTokenFilter.keyOf(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (limit.isEmpty() || token.isEmpty() || request.getAttribute(Caller.REQUEST_ATTRIBUTE) == null) {
            return true;
        }
        ClientThrottle.Attempt attempt = limit.get().throttle().tryAcquire(ApiTokens.sha256(token.get()));
        if (!attempt.allowed()) {
            throw new RateLimited(limit.get().product(), limit.get().requests(), limit.get().window(),
                    attempt.retryAfterSeconds());
        }
        return true;
    }

    private Optional<Limit> limitOf(String path) {
        if (under(path, BRIDGE_PATH)) {
            return bridge;
        }
        if (under(path, OFFLY_PATH)) {
            return offly;
        }
        String unversioned = path.startsWith("/v1/") ? path.substring(3) : path;
        return WorkeloRoutes.isWorkelo(unversioned) ? workelo : Optional.empty();
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    private record Limit(String product, long requests, String window, ClientThrottle throttle) {

        static Optional<Limit> of(String product, long requests, Duration window) {
            return requests <= 0
                    ? Optional.empty()
                    : Optional.of(new Limit(product, requests, words(window),
                            new ClientThrottle(requests, window)));
        }

        private static String words(Duration window) {
            return window.equals(Duration.ofHours(1))
                    ? "hour"
                    : window.equals(Duration.ofMinutes(1))
                            ? "minute"
                            : window.equals(Duration.ofSeconds(1)) ? "second" : window.toString();
        }
    }
}
