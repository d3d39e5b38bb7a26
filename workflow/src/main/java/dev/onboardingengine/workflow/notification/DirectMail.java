package dev.onboardingengine.workflow.notification;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Renders the message templates (with {@code {{pageUrl}}}) and sends mail from the configured sender:
 * the journey's notifications go through it, and so does a mail to one person outside any journey step
 * (a fresh link to their page, asked for by themselves).
 */
@NamedInterface("notification")
@Service
public class DirectMail {

    private static final Logger log = LoggerFactory.getLogger(DirectMail.class);

    private final MailTemplates templates;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;
    private final PublicAddress address;

    DirectMail(MailTemplates templates, ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties,
            PublicAddress address) {
        this.templates = templates;
        this.mailSender = mailSender;
        this.properties = properties;
        this.address = address;
    }

    /**
     * @param template a template name, rendered in the recipient's language (or English)
     * @return false when no mail server is configured (nothing was sent)
     */
    public boolean send(String template, String language, String to, Map<String, ?> values) {
        MailMessage mail = render(template, language, values);
        if (!deliver(to, mail)) {
            log.info("Mail is not configured (spring.mail.host unset): '{}' not sent", template);
            return false;
        }
        log.info("Mailed '{}' ({})", template, mail.language());
        return true;
    }

    /** The template in the language, every placeholder filled and {@code pageUrl} added. */
    MailMessage render(String template, String language, Map<String, ?> values) {
        return templates.render(template, language, address.withPageUrl(values));
    }

    /** Whether a mail server is configured ({@code spring.mail.host}). */
    boolean configured() {
        return mailSender.getIfAvailable() != null;
    }

    /** @return false when no mail server is configured (nothing was sent) */
    boolean deliver(String to, MailMessage mail) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return false;
        }
        sender.send(message -> {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
        });
        return true;
    }
}
