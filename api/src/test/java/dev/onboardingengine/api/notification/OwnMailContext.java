package dev.onboardingengine.api.notification;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** The settings of a test class that has a real SMTP server (GreenMail) and a context of its own. */
public final class OwnMailContext {

    private OwnMailContext() {
    }

    /** @param topics a prefix no other context uses: its own topics and consumer group */
    public static void register(DynamicPropertyRegistry registry, GreenMailExtension smtp, String topics) {
        registry.add("spring.mail.host", () -> smtp.getSmtp().getBindTo());
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        // Its own topics and consumer group: other cached contexts must not take these hires.
        registry.add("onboarding.topics.new-hires", () -> topics + ".new-hires");
        registry.add("onboarding.topics.journeys", () -> topics + ".journeys");
        registry.add("onboarding.workflow.consumer-group", () -> topics);
        // A context of its own, closed after the class: under the default engine name, closing it would
        // also unregister the engine that the shared test context's /engine-rest looks up by that name.
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
        registry.add("camunda.bpm.generate-unique-process-application-name", () -> "true");
    }
}
