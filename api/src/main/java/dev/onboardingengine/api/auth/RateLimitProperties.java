package dev.onboardingengine.api.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The request rates each product documents, per API token: Workelo 1,000 an hour (its API reference),
 * Bridge 5 a second (its API documentation). ChiefOnboarding documents none. 0 turns one off.
 *
 * @param enabled false turns every limit off (the shared test context, whose suites share one token)
 */
@ConfigurationProperties("onboarding.api.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000") long workeloPerHour,
        @DefaultValue("5") long bridgePerSecond) {
}
