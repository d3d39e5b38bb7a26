package dev.onboardingengine.api.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The new hire's page.
 *
 * @param linkValidity how long a magic link opens the page after it was issued (Workelo: 2 hours)
 * @param linkRequestsPerClient links one client address may ask for on {@code /portal/new-link} per
 *     {@code linkRequestWindow}, whatever the addresses it gives
 * @param linkRequestWindow the window of {@code linkRequestsPerClient}
 * @see dev.onboardingengine.workflow.notification.PublicAddress the address links start with
 *      ({@code onboarding.portal.public-url})
 */
@ConfigurationProperties("onboarding.portal")
record PortalProperties(
        @DefaultValue("PT2H") Duration linkValidity,
        @DefaultValue("10") int linkRequestsPerClient,
        @DefaultValue("PT15M") Duration linkRequestWindow) {
}
