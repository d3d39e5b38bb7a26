package dev.onboardingengine.api.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workelo's OAuth 2.0 client credentials grant ({@code POST /oauth/token}).
 *
 * @param tokenTimeToLive how long an issued access token is accepted (its {@code expires_in})
 */
@ConfigurationProperties("onboarding.api.oauth")
public record OAuthProperties(@DefaultValue("1h") Duration tokenTimeToLive) {
}
