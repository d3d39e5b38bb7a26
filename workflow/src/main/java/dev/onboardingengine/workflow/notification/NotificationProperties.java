package dev.onboardingengine.workflow.notification;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail delivery itself is Spring's {@code spring.mail.*}; without {@code spring.mail.host} nothing is
 * sent and notifications are recorded as skipped.
 *
 * @param from the sender of every notification
 * @param templateDir searched before the templates shipped in the jar, so HR can change a template
 *        without a rebuild; files are named {@code <template>.<language>.txt}
 * @param slackWebhookUrl Slack incoming-webhook URL for notifications on the {@code slack} channel;
 *        unset: they are recorded as skipped
 * @param webhookUrl URL that notifications on the {@code webhook} channel are POSTed to as JSON;
 *        unset: they are recorded as skipped
 */
@ConfigurationProperties("onboarding.notifications")
record NotificationProperties(@DefaultValue("onboarding@localhost") String from, Path templateDir,
        String slackWebhookUrl, String webhookUrl) {
}
