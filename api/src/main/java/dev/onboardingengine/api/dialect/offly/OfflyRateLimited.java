package dev.onboardingengine.api.dialect.offly;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A key made more requests than {@link OfflyRateLimit} allows it in the window: 429 with
 * {@code Retry-After}, in Offly's error body wherever it is answered (an ErrorResponse, so also on
 * paths under {@code /api/v1/users} that have no route).
 */
class OfflyRateLimited extends ErrorResponseException {

    OfflyRateLimited(long limit, Duration window, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        setDetail("Rate limit exceeded: at most %d requests per %s per API key; retry in %d s."
                .formatted(limit, window, retryAfterSeconds));
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }
}
