package dev.onboardingengine.api.dialect.offly;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one API key may make to Offly's routes per window before it hears {@code 429}.
 * Offly documents the 429 but not its numbers; the default is ours (100 a minute).
 */
@ConfigurationProperties("onboarding.offly.rate-limit")
record OfflyRateLimitProperties(@DefaultValue("100") long requests, @DefaultValue("PT1M") Duration window) {
}
