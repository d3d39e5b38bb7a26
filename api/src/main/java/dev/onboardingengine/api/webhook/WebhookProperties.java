package dev.onboardingengine.api.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhook deliveries are sent and retried.
 *
 * @param pollInterval how often due deliveries are looked for (a new event waits at most this long)
 * @param maxAttempts attempts before a delivery is logged as failed for good
 * @param firstRetryDelay wait after the first failed attempt; doubled after each further one
 * @param maxRetryDelay the longest wait between two attempts
 * @param timeout connect and response timeout of one attempt
 * @param batchSize deliveries taken per poll
 */
@ConfigurationProperties("onboarding.webhooks")
record WebhookProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration firstRetryDelay,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("50") int batchSize) {

    /** The wait after failed attempt number {@code attempt} (1-based): exponential, capped. */
    Duration retryDelayAfter(int attempt) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
