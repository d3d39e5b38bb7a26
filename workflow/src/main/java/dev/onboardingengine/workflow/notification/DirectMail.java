package dev.onboardingengine.workflow.notification;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * A mail to one person outside any journey step (a fresh link to their page, asked for by themselves),
 * from the same templates and sender as the journey's notifications.
 */
@Service
public class DirectMail {

    private static final Logger log = LoggerFactory.getLogger(DirectMail.class);

    private final MailTemplates templates;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    private final PageAddress pageAddress;

    DirectMail(MailTemplates templates, ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties,
            PageAddress pageAddress) {
        this.pageAddress = pageAddress;
        this.templates = templates;
        this.mailSender = mailSender;
        this.properties = properties;
    }

    /**
     * @param template a template name, rendered in the recipient's language (or English)
     * @return false when no mail server is configured (nothing was sent)
     */
    public boolean send(String template, String language, String to, Map<String, ?> values) {
        MailMessage mail = templates.render(template, language, pageAddress.with(values));
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("Mail is not configured (spring.mail.host unset): '{}' not sent", template);
            return false;
        }
        sender.send(message -> {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
        });
        log.info("Mailed '{}' ({})", template, mail.language());
        return true;
    }
}
