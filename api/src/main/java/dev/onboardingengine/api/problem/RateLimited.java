package dev.onboardingengine.api.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A token made more requests than its dialect allows in the window: 429 with {@code Retry-After}, in
 * the dialect's own error body (an ErrorResponse, which every dialect's error handling shapes).
 */
public class RateLimited extends ErrorResponseException {

    public RateLimited(String product, long requests, String window, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        setDetail("Request was throttled: %s allows %d requests per %s per token. Expected available in %d seconds."
                .formatted(product, requests, window, retryAfterSeconds));
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }
}
