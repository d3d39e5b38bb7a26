package dev.onboardingengine.workflow.notification;

import java.util.Arrays;

/** Where a {@code ${notifyStakeholder}} step delivers: the {@code channel} input, email when absent. */
enum NotificationChannel {

    EMAIL("email"),
    /** A direct message from the Slack app (onboarding.slack.*). */
    SLACK_DM("slack-dm"),
    /** Both: the mail and the Slack direct message, each at most once. */
    EMAIL_AND_SLACK("email-and-slack"),
    /** The one organisation-wide Slack incoming webhook (onboarding.notifications.slack-webhook-url). */
    SLACK("slack"), WEBHOOK("webhook");

    private final String wireName;

    NotificationChannel(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static java.util.List<String> wireNames() {
        return Arrays.stream(values()).map(NotificationChannel::wireName).toList();
    }

    boolean byMail() {
        return this == EMAIL || this == EMAIL_AND_SLACK;
    }

    boolean bySlackDirectMessage() {
        return this == SLACK_DM || this == EMAIL_AND_SLACK;
    }

    static NotificationChannel of(Object input) {
        if (input == null) {
            return EMAIL;
        }
        return Arrays.stream(values()).filter(channel -> channel.wireName.equals(input.toString())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown notification channel '" + input
                        + "': " + wireNames()));
    }
}
