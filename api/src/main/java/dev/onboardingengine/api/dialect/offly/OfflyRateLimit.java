package dev.onboardingengine.api.dialect.offly;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.onboardingengine.api.throttle.ClientThrottle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Offly's documented 429: at most {@link OfflyRateLimitProperties#requests()} requests per window per
 * API key (a Bucket4j bucket per key, through {@link ClientThrottle}), answered in Offly's error body
 * with {@code Retry-After}. The token filter has already refused requests without a valid key, so
 * every key counted here is a real one; buckets are keyed by its SHA-256, never the key itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OfflyRateLimitProperties.class)
class OfflyRateLimit implements WebMvcConfigurer {

    private final OfflyRateLimitProperties limit;
    private final ClientThrottle throttle;

    OfflyRateLimit(OfflyRateLimitProperties limit) {
        this.limit = limit;
        this.throttle = new ClientThrottle(limit.requests(), limit.window());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                ClientThrottle.Attempt attempt = throttle.tryAcquire(keyOf(request));
                if (!attempt.allowed()) {
                    throw new OfflyRateLimited(limit.requests(), limit.window(), attempt.retryAfterSeconds());
                }
                return true;
            }
        }).addPathPatterns(OfflyErrorDialect.PATH, OfflyErrorDialect.PATH + "/**");
    }

    private static String keyOf(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String credential = authorization == null ? "" : authorization.trim().replaceFirst("^\\S+\\s+", "");
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
