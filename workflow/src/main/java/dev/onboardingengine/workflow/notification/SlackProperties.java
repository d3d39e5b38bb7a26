package dev.onboardingengine.workflow.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.NamedInterface;

/**
 * The Slack app the engine speaks as ({@code onboarding.slack.*}). Without a bot token the Slack
 * channel is off: direct messages and channel posts are recorded as skipped, and the interactive
 * endpoint refuses every request.
 *
 * @param botToken the app's bot user OAuth token ({@code xoxb-...}); a secret
 * @param signingSecret the app's signing secret, which Slack signs interactive requests with; a secret
 * @param methodsUrl the Web API's address, Slack's own unless a test points it at a stand-in
 * @param longestRetryAfterWait a 429 whose Retry-After is at most this long is waited out inside the job
 *        and tried once more; a longer one fails the job, which Camunda retries later
 * @param responseUrlPrefix the only addresses answers to a button click are posted to (the
 *        {@code response_url} of Slack's signed payload): Slack's own, unless a test points it at a stand-in
 */
@NamedInterface("notification")
@ConfigurationProperties("onboarding.slack")
public record SlackProperties(String botToken, String signingSecret,
        @DefaultValue("https://slack.com/api/") String methodsUrl,
        @DefaultValue("5s") Duration longestRetryAfterWait,
        @DefaultValue("https://hooks.slack.com/") String responseUrlPrefix) {

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    /** The two secrets never reach a log line or an actuator page through this record. */
    @Override
    public String toString() {
        return "SlackProperties[botToken=" + (enabled() ? "(set)" : "(unset)") + ", signingSecret="
                + (signingSecret == null || signingSecret.isBlank() ? "(unset)" : "(set)") + ", methodsUrl="
                + methodsUrl + "]";
    }
}
