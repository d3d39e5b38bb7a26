package dev.onboardingengine.workflow.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.workflow.journey.JourneyLogContext;
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
public class StakeholderNotifier {

    private static final Logger log = LoggerFactory.getLogger(StakeholderNotifier.class);

    private final MailTemplates templates;
    private final SentNotifications sent;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    StakeholderNotifier(MailTemplates templates, SentNotifications sent, ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties) {
        this.templates = templates;
        this.sent = sent;
        this.mailSender = mailSender;
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
     * Mails {@code template} to the journey's {@code role}, at most once per {@code dedupKey}, outside a
     * BPMN element (e.g. when a track is given a new manager).
     *
     * @param journey the journey's process instance (its variables name the stakeholders)
     */
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
            MailMessage mail = templates.render(notification.template(), recipient.language(), notification.values());
            Instant now = ClockUtil.getCurrentTime().toInstant();
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                sent.record(notification.dedupKey(), recipient.email(), notification.template(), Delivery.SKIPPED, now);
                log.info("Mail is not configured (spring.mail.host unset): '{}' to the {} recorded as skipped",
                        notification.template(), recipient.role());
                return;
            }
            sent.record(notification.dedupKey(), recipient.email(), notification.template(), Delivery.SENT, now);
            sender.send(message -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                helper.setFrom(properties.from());
                helper.setTo(recipient.email());
                helper.setSubject(mail.subject());
                helper.setText(mail.body());
            });
            log.info("Mailed '{}' ({}) to the {}", notification.template(), mail.language(), recipient.role());
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
