package dev.onboardingengine.api.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The new hire's page.
 *
 * @param linkValidity how long a magic link opens the page after it was issued (Workelo: 2 hours)
 * @param publicUrl the engine's address as people's browsers reach it, without a trailing slash
 *        (e.g. https://onboarding.example.com); unset: http://localhost and this server's port
 */
@ConfigurationProperties("onboarding.portal")
record PortalProperties(
        @DefaultValue("PT2H") Duration linkValidity,
        String publicUrl) {
}
