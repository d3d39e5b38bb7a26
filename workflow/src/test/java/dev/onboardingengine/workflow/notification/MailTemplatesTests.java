package dev.onboardingengine.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTemplatesTests {

    @TempDir
    Path overrides;

    private final Map<String, Object> values = Map.of("hireFirstName", "Ada", "hireLastName", "Lovelace",
            "recipientFirstName", "Jean", "startDay", LocalDate.of(2026, 12, 7));

    @Test
    void rendersTheShippedTemplateInTheRecipientsLanguage() {
        // Given the shipped templates and a French-speaking recipient
        MailTemplates templates = new MailTemplates(null);

        // When the hire announcement is rendered
        MailMessage mail = templates.render("hire-announced", "fr", values);

        // Then it is the French one, with names and a French date
        assertThat(mail.language()).isEqualTo("fr");
        assertThat(mail.subject()).isEqualTo("Ada Lovelace arrive le lundi 7 décembre 2026");
        assertThat(mail.body()).startsWith("Bonjour Jean,")
                .contains("Ada Lovelace nous rejoint le lundi 7 décembre 2026");
    }

    @Test
    void fallsBackToEnglishWhenTheLanguageHasNoTemplate() {
        MailTemplates templates = new MailTemplates(null);

        MailMessage mail = templates.render("hire-announced", "de", values);

        assertThat(mail.language()).isEqualTo("en");
        assertThat(mail.subject()).isEqualTo("Ada Lovelace starts on Monday, December 7, 2026");
    }

    @Test
    void usesThePrimaryLanguageOfARegionalTag() {
        MailTemplates templates = new MailTemplates(null);

        assertThat(templates.render("invitation", "fr-CA", values).language()).isEqualTo("fr");
        assertThat(templates.render("invitation", "FR_be", values).language()).isEqualTo("fr");
    }

    @Test
    void treatsAMissingOrMalformedLanguageAsEnglish() {
        MailTemplates templates = new MailTemplates(null);

        assertThat(templates.render("invitation", null, values).language()).isEqualTo("en");
        assertThat(templates.render("invitation", "../../etc/passwd", values).language()).isEqualTo("en");
    }

    @Test
    void theOverrideDirectoryWinsOverTheShippedTemplate() throws Exception {
        // Given HR's own French invitation in the override directory
        Files.writeString(overrides.resolve("invitation.fr.txt"), "Subject: Salut {{hireFirstName}}\n\nÀ lundi !\n");
        MailTemplates templates = new MailTemplates(overrides);

        // When a French invitation is rendered
        MailMessage mail = templates.render("invitation", "fr", values);

        // Then HR's text is used, and the shipped English one still serves other languages
        assertThat(mail.subject()).isEqualTo("Salut Ada");
        assertThat(mail.body()).isEqualTo("À lundi !\n");
        assertThat(templates.render("invitation", "en", values).subject()).isEqualTo("Welcome aboard, Ada!");
    }

    @Test
    void anEditedOverrideAppliesToTheNextMail() throws Exception {
        Path file = overrides.resolve("invitation.en.txt");
        Files.writeString(file, "Subject: First\nbody");
        MailTemplates templates = new MailTemplates(overrides);
        assertThat(templates.render("invitation", "en", values).subject()).isEqualTo("First");

        Files.writeString(file, "Subject: Second\nbody");

        assertThat(templates.render("invitation", "en", values).subject()).isEqualTo("Second");
    }

    @Test
    void aTemplateOnlyInTheOverrideDirectoryIsFound() throws Exception {
        Files.writeString(overrides.resolve("first-week-survey.en.txt"), "Subject: How was it?\r\n\r\nTell us.\r\n");
        MailTemplates templates = new MailTemplates(overrides);

        MailMessage mail = templates.render("first-week-survey", "fr", values);

        assertThat(mail.language()).isEqualTo("en");
        assertThat(mail.subject()).isEqualTo("How was it?");
        assertThat(mail.body()).isEqualTo("Tell us.\n");
    }

    @Test
    void missingPlaceholderValuesRenderEmpty() throws Exception {
        // Given a template with placeholders nobody fills, and a null value
        Files.writeString(overrides.resolve("sparse.en.txt"),
                "Subject: Hi {{recipientFirstName}}{{ nobody }}\nDue {{dueDate}}. From {{sender}}.");
        Map<String, Object> sparse = new HashMap<>();
        sparse.put("recipientFirstName", "Jean");
        sparse.put("dueDate", null);
        MailTemplates templates = new MailTemplates(overrides);

        // When it is rendered
        MailMessage mail = templates.render("sparse", "en", sparse);

        // Then the gaps are empty, nothing fails
        assertThat(mail.subject()).isEqualTo("Hi Jean");
        assertThat(mail.body()).isEqualTo("Due . From .");
    }

    @Test
    void valuesAreInsertedLiterally() throws Exception {
        Files.writeString(overrides.resolve("literal.en.txt"), "Subject: {{hireFirstName}}\n{{hireLastName}}");
        MailTemplates templates = new MailTemplates(overrides);

        MailMessage mail = templates.render("literal", "en",
                Map.of("hireFirstName", "Ada\r\nBcc: someone@example.com", "hireLastName", "{{hireFirstName}} $1"));

        assertThat(mail.subject()).isEqualTo("Ada Bcc: someone@example.com");
        assertThat(mail.body()).isEqualTo("{{hireFirstName}} $1");
    }

    @Test
    void refusesATemplateWithoutSubjectLine() throws Exception {
        Files.writeString(overrides.resolve("broken.en.txt"), "Hello {{hireFirstName}}");
        MailTemplates templates = new MailTemplates(overrides);

        assertThatThrownBy(() -> templates.render("broken", "en", values))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken.en.txt");
    }

    @Test
    void aTemplateMissingInEveryLanguageIsNotFound() {
        MailTemplates templates = new MailTemplates(overrides);

        assertThatThrownBy(() -> templates.render("no-such-template", "fr", values))
                .isInstanceOf(MailTemplateNotFound.class).hasMessageContaining("no-such-template");
    }

    @Test
    void everyShippedTemplateExistsInEnglishAndFrench() {
        MailTemplates templates = new MailTemplates(null);
        for (String template : new String[]{"invitation", "hire-announced", "action-assigned"}) {
            for (String language : new String[]{"en", "fr"}) {
                MailMessage mail = templates.render(template, language, Map.of());
                assertThat(mail.language()).as(template + "." + language).isEqualTo(language);
                assertThat(mail.subject()).as(template + "." + language).isNotBlank();
                assertThat(mail.body()).as(template + "." + language).doesNotContain("{{");
            }
        }
    }
}
