package dev.onboardingengine.workflow.notification;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.workflow.journey.JourneyLogContext;
import dev.onboardingengine.workflow.journey.StakeholderNotifications;
import dev.onboardingengine.workflow.notification.SentNotifications.Delivery;

/**
 * Mails a journey's stakeholders, at most once per deduplication key.
 *
 * <p>The key's row is inserted in the caller's transaction (the engine's, inside a job) before the
 * mail goes out. A retry after a successful send, a redelivery or a restart finds the row and does
 * nothing. A failed send throws: the transaction and its row roll back and Camunda retries the job,
 * then raises an incident. (A crash between the send and the commit can still mail twice: the row
 * is gone with the transaction, the mail is not.)
 *
 * <p>Without a mail server ({@code spring.mail.host} unset, as in the embedded default) the
 * notification is recorded as skipped and the journey goes on.
 */
@Service
@Transactional
public class StakeholderNotifier implements StakeholderNotifications {

    private static final Logger log = LoggerFactory.getLogger(StakeholderNotifier.class);

    private final DirectMail mail;
    private final SentNotifications sent;
    private final NotificationProperties properties;
    private final SlackNotifier slack;

    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(10)).build();

    StakeholderNotifier(DirectMail mail, SentNotifications sent, NotificationProperties properties,
            com.fasterxml.jackson.databind.ObjectMapper json, SlackNotifier slack) {
        this.slack = slack;
        this.json = json;
        this.mail = mail;
        this.sent = sent;
        this.properties = properties;
    }

    /**
     * Mails {@code template} to the journey's stakeholder in {@code role} (hire, buddy or manager),
     * once per process instance, activity and role.
     */
    public void notifyStakeholder(DelegateExecution execution, String role, String template) {
        notifyStakeholder(execution, role, template, Map.of());
    }

    /** As above, with more placeholder values (the action a reminder is about). */
    public void notifyStakeholder(DelegateExecution execution, String role, String template,
            Map<String, Object> extraValues) {
        String dedupKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + role;
        send(Notification.forJourney(execution, role, template, dedupKey, extraValues));
    }

    /**
     * As above, as a Slack direct message from the app, once per process instance, activity and role.
     *
     * @param actionId the open task the message is about, which gets the "Mark done" button; or null
     */
    void directMessage(DelegateExecution execution, String role, String template, Map<String, Object> extraValues,
            String actionId) {
        String dedupKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + role
                + ":" + NotificationChannel.SLACK_DM.wireName();
        Notification notification = Notification.forJourney(execution, role, template, dedupKey, extraValues);
        try (var context = logContext(notification)) {
            slack.directMessage(notification, actionId);
        }
    }

    /** The Slack direct message of a user task's owner about it, once per task; buttons included. */
    void directMessage(Notification aboutTask, String taskId) {
        try (var context = logContext(aboutTask)) {
            slack.directMessage(aboutTask, taskId);
        }
    }

    /**
     * As above, on a chat or webhook channel instead of mail: the rendered template is POSTed to the
     * channel's configured URL (a Slack incoming webhook takes {@code {"text": ...}}; the generic
     * webhook a JSON document with the recipient and the message). At most once per key, like mail; a
     * refusing endpoint throws, so the job is retried and ends as an incident.
     */
    void notifyOnChannel(DelegateExecution execution, String role, String template, Map<String, Object> extraValues,
            NotificationChannel channel) {
        String dedupKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + role
                + ":" + channel.wireName();
        Notification notification = Notification.forJourney(execution, role, template, dedupKey, extraValues);
        Recipient recipient = notification.recipient();
        try (var context = logContext(notification)) {
            if (!recipient.notifiable()) {
                log.debug("Not posting '{}' for the {}: not to be notified", template, role);
                return;
            }
            if (sent.exists(dedupKey)) {
                log.info("'{}' for the {} went out on {} before (key {}); not again", template, role,
                        channel.wireName(), dedupKey);
                return;
            }
            String url = channel == NotificationChannel.SLACK ? properties.slackWebhookUrl() : properties.webhookUrl();
            Instant now = ClockUtil.getCurrentTime().toInstant();
            String addressee = recipient.email() == null ? role : recipient.email();
            if (url == null || url.isBlank()) {
                sent.record(dedupKey, addressee, template, Delivery.SKIPPED, now);
                log.info("No {} URL configured: '{}' for the {} recorded as skipped", channel.wireName(), template,
                        role);
                return;
            }
            MailMessage message = mail.render(template, recipient.language(), notification.values());
            sent.record(dedupKey, addressee, template, Delivery.SENT, now);
            Map<String, Object> body = channel == NotificationChannel.SLACK
                    ? Map.of("text", "*" + message.subject() + "*\n" + message.body())
                    : webhookBody(notification, role, template, message);
            post(url, body);
            log.info("Posted '{}' ({}) for the {} on {}", template, message.language(), role, channel.wireName());
        }
    }

    private static Map<String, Object> webhookBody(Notification notification, String role, String template,
            MailMessage message) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("template", template);
        body.put("recipientRole", role);
        body.put("recipientEmail", notification.recipient().email());
        body.put("language", message.language());
        body.put("subject", message.subject());
        body.put("body", message.body());
        body.put("employeeId", notification.employeeId());
        body.put("journeyId", notification.journeyId());
        return body;
    }

    private void post(String url, Map<String, Object> body) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .timeout(java.time.Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            int status = http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                throw new IllegalStateException("The notification endpoint answered " + status);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The notification endpoint could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while posting a notification", e);
        }
    }

    /**
     * Mails {@code template} to the journey's {@code role}, at most once per {@code dedupKey}, outside a
     * BPMN element (e.g. when a track is given a new manager).
     *
     * @param journey the journey's process instance (its variables name the stakeholders)
     */
    @Override
    public void notifyInJourney(org.camunda.bpm.engine.delegate.VariableScope journey, String role, String template,
            String dedupKey) {
        send(Notification.forJourney(journey, role, template, dedupKey, Map.of()));
    }

    void send(Notification notification) {
        Recipient recipient = notification.recipient();
        try (var context = logContext(notification)) {
            if (!recipient.reachable()) {
                log.debug("Not mailing '{}' to the {}: {}", notification.template(), recipient.role(),
                        recipient.notifiable() ? "no email address" : "not to be notified");
                return;
            }
            if (sent.exists(notification.dedupKey())) {
                log.info("'{}' to the {} went out before (key {}); not again", notification.template(),
                        recipient.role(), notification.dedupKey());
                return;
            }
            MailMessage message = mail.render(notification.template(), recipient.language(), notification.values());
            Instant now = ClockUtil.getCurrentTime().toInstant();
            if (!mail.configured()) {
                sent.record(notification.dedupKey(), recipient.email(), notification.template(), Delivery.SKIPPED, now);
                log.info("Mail is not configured (spring.mail.host unset): '{}' to the {} recorded as skipped",
                        notification.template(), recipient.role());
                return;
            }
            sent.record(notification.dedupKey(), recipient.email(), notification.template(), Delivery.SENT, now);
            mail.deliver(recipient.email(), message);
            log.info("Mailed '{}' ({}) to the {}", notification.template(), message.language(), recipient.role());
        }
    }

    private static JourneyLogContext logContext(Notification notification) {
        // Inside a step that set the context already (a journey starting), closing ours would clear theirs.
        if (notification.employeeId() == null || MDC.get("employeeId") != null) {
            return null;
        }
        return JourneyLogContext.of(notification.employeeId(), notification.journeyId());
    }
}
