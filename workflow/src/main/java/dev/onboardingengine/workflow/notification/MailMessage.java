package dev.onboardingengine.workflow.notification;

/** A rendered template: what goes into the mail, and in which language it was written. */
record MailMessage(String subject, String body, String language) {
}
