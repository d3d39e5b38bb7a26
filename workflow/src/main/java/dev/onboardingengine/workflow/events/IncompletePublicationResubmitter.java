package dev.onboardingengine.workflow.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes again what the outbox could not deliver: events committed while the broker was down,
 * or while the process was being killed. Runs on every node; on start it catches up with what a
 * previous run left behind. Spring Modulith's "republish on restart" switch is not used: with
 * several nodes every restart would republish everything in flight on the others.
 */
@Component
class IncompletePublicationResubmitter {

    private static final Logger log = LoggerFactory.getLogger(IncompletePublicationResubmitter.class);

    private final IncompleteEventPublications publications;
    private final OutboxProperties properties;

    IncompletePublicationResubmitter(IncompleteEventPublications publications, OutboxProperties properties) {
        this.publications = publications;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${onboarding.outbox.resubmit-initial-delay:5s}", fixedDelayString = "${onboarding.outbox.resubmit-interval:30s}")
    void resubmit() {
        try {
            publications.resubmitIncompletePublicationsOlderThan(properties.resubmitOlderThan());
        } catch (RuntimeException e) {
            // The database may be briefly unavailable; the next round tries again.
            log.warn("Could not resubmit incomplete event publications: {}", e.getMessage());
        }
    }
}
