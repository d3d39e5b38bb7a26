package dev.onboardingengine.api.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhook deliveries are sent, retried and where they may go.
 *
 * @param pollInterval how often due deliveries are looked for (a new event waits at most this long)
 * @param maxAttempts attempts before a delivery is logged as failed for good
 * @param firstRetryDelay wait after the first failed attempt; doubled after each further one
 * @param maxRetryDelay the longest wait between two attempts
 * @param timeout the longest one attempt may take, connecting and answering included
 * @param concurrency subscriptions this node sends to at the same time (each one's deliveries go one at
 *        a time, in order)
 * @param previousSecretValidity how long the secret replaced by a rotation still signs, beside the new one
 * @param allowHttp whether {@code http://} URLs are accepted (otherwise only {@code https://})
 * @param allowedNetworks CIDRs (e.g. {@code 10.20.0.0/16}, {@code 127.0.0.1/32}) that deliveries may
 *        reach although they are loopback, private, link-local or otherwise special
 */
@ConfigurationProperties("onboarding.webhooks")
record WebhookProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration firstRetryDelay,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("4") int concurrency,
        @DefaultValue("24h") Duration previousSecretValidity,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue List<String> allowedNetworks) {

    /** The wait after failed attempt number {@code attempt} (1-based): exponential, capped. */
    Duration retryDelayAfter(int attempt) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /**
     * How long a node holds a subscription while it sends to it: longer than one attempt may take, so
     * no other node sends meanwhile; a node that dies loses it after this long.
     */
    Duration lease() {
        return timeout.multipliedBy(3);
    }
}
