package dev.onboardingengine.api.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The request rates each product documents, per API token: Workelo 1,000 an hour (its API reference),
 * Bridge 5 a second (its API documentation); Offly documents its 429 but not its numbers, so 100 a
 * minute is ours. ChiefOnboarding documents none. A count of 0 turns one off.
 *
 * @param enabled false turns every limit off (the shared test context, whose suites share one token)
 */
@ConfigurationProperties("onboarding.api.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("1000") long workeloRequests, @DefaultValue("1h") Duration workeloWindow,
        @DefaultValue("5") long bridgeRequests, @DefaultValue("1s") Duration bridgeWindow,
        @DefaultValue("100") long offlyRequests, @DefaultValue("1m") Duration offlyWindow) {
}
