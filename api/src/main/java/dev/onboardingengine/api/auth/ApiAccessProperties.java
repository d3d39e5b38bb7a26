package dev.onboardingengine.api.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param enabled API_ACCESS: when false, every API route answers 404, as in ChiefOnboarding */
@ConfigurationProperties("onboarding.api")
public record ApiAccessProperties(@DefaultValue("true") boolean enabled) {
}
