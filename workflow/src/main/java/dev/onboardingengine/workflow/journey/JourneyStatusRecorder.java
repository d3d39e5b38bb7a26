package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.onboardingengine.workflow.journey.Journeys.JourneyRow;

/**
 * Writes a milestone to the read model and publishes {@link JourneyStatusChanged}, both inside the
 * transaction of the engine step that reached it: if the step rolls back, neither happened.
 */
@Service
class JourneyStatusRecorder {

    private static final Logger log = LoggerFactory.getLogger(JourneyStatusRecorder.class);

    private final Journeys journeys;
    private final ApplicationEventPublisher events;

    JourneyStatusRecorder(Journeys journeys, ApplicationEventPublisher events) {
        this.journeys = journeys;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(long journeyId, JourneyStatus status) {
        JourneyRow journey = journeys.find(journeyId)
                .orElseThrow(() -> new IllegalStateException("No journey " + journeyId + " in the read model"));
        // The engine's clock, so that tests which move Camunda's time see consistent history.
        Instant now = ClockUtil.getCurrentTime().toInstant();
        journeys.changeStatus(journeyId, status, now);
        published(journeyId, journey.employeeId(), journey.mobility(), journey.status(), status, now);
    }

    /**
     * The first milestone of a journey whose start is still running: the row was inserted without a status
     * in this transaction, so there is nothing to read, and the process instance is attached with the status.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordFirst(long journeyId, JourneyBeingLaunched journey, String processInstanceId, JourneyStatus status) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        journeys.changeStatusAndAttach(journeyId, status, processInstanceId, now);
        published(journeyId, journey.employeeId(), journey.mobility(), null, status, now);
    }

    private void published(long journeyId, long employeeId, String mobility, JourneyStatus previous,
            JourneyStatus status, Instant now) {
        events.publishEvent(
                new JourneyStatusChanged(UUID.randomUUID(), journeyId, employeeId, mobility, previous, status, now));
        log.info("Journey {} is now {}", journeyId, status.wireName());
    }
}
