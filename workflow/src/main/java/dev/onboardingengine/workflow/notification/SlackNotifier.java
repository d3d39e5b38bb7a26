package dev.onboardingengine.workflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.workflow.notification.SentNotifications.Delivery;

/**
 * Slack direct messages to a journey's stakeholders and posts to a channel, at most once per
 * deduplication key as mail is ({@link StakeholderNotifier} says how, and what a crash can still do).
 *
 * <p>Each message's row and its sending are a transaction of their own, committed as soon as Slack has
 * it: a step that goes on to fail (the mail of "email and Slack", a later element of the same job) is
 * retried without sending the Slack message again. A failed send rolls back only its own row.
 *
 * <p>A message about an action carries two buttons, whose clicks reach the API's interactive endpoint:
 * {@link SlackButtons#MARK_DONE} and {@link SlackButtons#OPEN_PAGE}, each with the task id as its value.
 */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW)
class SlackNotifier {

    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);
    private static final Map<String, String[]> BUTTON_LABELS = Map.of(
            "en", new String[]{"Mark done", "Open my page"},
            "fr", new String[]{"Marquer comme fait", "Ouvrir ma page"});

    private final SlackMessages slack;
    private final DirectMail mail;
    private final SentNotifications sent;

    SlackNotifier(SlackMessages slack, DirectMail mail, SentNotifications sent) {
        this.slack = slack;
        this.mail = mail;
        this.sent = sent;
    }

    /**
     * A direct message to the notification's recipient; nothing for people never to be notified
     * (ChiefOnboarding's role "other"), recorded as skipped when Slack is off or knows no such person.
     *
     * @param actionId the open task the message is about (it gets the buttons), or null
     */
    void directMessage(Notification notification, String actionId) {
        Recipient recipient = notification.recipient();
        String key = notification.dedupKey();
        if (!recipient.reachable()) {
            log.debug("No Slack message '{}' to the {}: not to be notified or no email", notification.template(),
                    recipient.role());
            return;
        }
        if (sent.exists(key)) {
            log.info("'{}' to the {} went out on Slack before (key {}); not again", notification.template(),
                    recipient.role(), key);
            return;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (!slack.enabled()) {
            sent.record(key, recipient.email(), notification.template(), Delivery.SKIPPED, now);
            log.info("Slack is not configured (onboarding.slack.bot-token unset): '{}' to the {} recorded as skipped",
                    notification.template(), recipient.role());
            return;
        }
        MailMessage message = mail.render(notification.template(), recipient.language(), notification.values());
        var userId = slack.userIdFor(recipient.email());
        if (userId.isEmpty()) {
            sent.record(key, recipient.email(), notification.template(), Delivery.SKIPPED, now);
            log.info("Slack knows nobody by the {}'s email: '{}' recorded as skipped", recipient.role(),
                    notification.template());
            return;
        }
        sent.record(key, recipient.email(), notification.template(), Delivery.SENT, now);
        slack.sendDirect(userId.get(), fallbackText(message), blocks(message, actionId));
        log.info("Sent '{}' ({}) to the {} on Slack{}", notification.template(), message.language(), recipient.role(),
                actionId == null ? "" : " with its buttons");
    }

    /** A post to a channel (an announcement), rendered in {@code language}, once per key. */
    void postToChannel(String channel, String template, String language, Map<String, Object> values, String key) {
        if (sent.exists(key)) {
            log.info("'{}' went out to {} before (key {}); not again", template, channel, key);
            return;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (!slack.enabled()) {
            sent.record(key, channel, template, Delivery.SKIPPED, now);
            log.info("Slack is not configured (onboarding.slack.bot-token unset): '{}' to {} recorded as skipped",
                    template, channel);
            return;
        }
        MailMessage message = mail.render(template, language, values);
        sent.record(key, channel, template, Delivery.SENT, now);
        slack.post(channel, fallbackText(message), blocks(message, null));
        log.info("Posted '{}' ({}) to Slack channel {}", template, message.language(), channel);
    }

    /** Block Kit: the message as a section, then the action's buttons. */
    static List<Map<String, Object>> blocks(MailMessage message, String actionId) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn",
                "text", "*" + escape(message.subject()) + "*\n" + escape(message.body()))));
        if (actionId != null) {
            String[] labels = BUTTON_LABELS.getOrDefault(message.language(), BUTTON_LABELS.get("en"));
            blocks.add(Map.of("type", "actions", "block_id", "action:" + actionId, "elements", List.of(
                    Map.of("type", "button", "action_id", SlackButtons.MARK_DONE, "value", actionId, "style", "primary",
                            "text", plainText(labels[0])),
                    Map.of("type", "button", "action_id", SlackButtons.OPEN_PAGE, "value", actionId,
                            "text", plainText(labels[1])))));
        }
        return blocks;
    }

    private static Map<String, Object> plainText(String text) {
        return Map.of("type", "plain_text", "text", text);
    }

    /** What notifications and screen readers show. */
    private static String fallbackText(MailMessage message) {
        return escape(message.subject());
    }

    /** Slack's three control characters in text; a name with {@code <!channel>} pings nobody. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
