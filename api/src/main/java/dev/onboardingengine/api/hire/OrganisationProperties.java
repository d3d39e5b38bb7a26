package dev.onboardingengine.api.hire;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the organisation's time zone: a hire's default, and the zone of "today"
 * @param language a hire's default language
 */
@ConfigurationProperties("onboarding.organisation")
public record OrganisationProperties(
        @DefaultValue("UTC") String timeZone,
        @DefaultValue("en") String language) {
}
