package dev.onboardingengine.workflow.notification;

import java.util.Arrays;

/** Where a {@code ${notifyStakeholder}} step delivers: the {@code channel} input, email when absent. */
enum NotificationChannel {

    EMAIL("email"),
    SLACK("slack"),
    WEBHOOK("webhook");

    private final String wireName;

    NotificationChannel(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static NotificationChannel of(Object input) {
        if (input == null) {
            return EMAIL;
        }
        return Arrays.stream(values()).filter(channel -> channel.wireName.equals(input.toString())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown notification channel '" + input
                        + "': email, slack or webhook"));
    }
}
