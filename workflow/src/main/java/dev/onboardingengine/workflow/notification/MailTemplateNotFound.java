package dev.onboardingengine.workflow.notification;

/** No file for a template in any language searched, not even English: a deployment error. */
class MailTemplateNotFound extends RuntimeException {

    MailTemplateNotFound(String template, String language) {
        super("No mail template '" + template + "' for language '" + language + "' nor for '"
                + MailTemplates.FALLBACK_LANGUAGE + "'");
    }
}
