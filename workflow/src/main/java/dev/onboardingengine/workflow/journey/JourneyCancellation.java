package dev.onboardingengine.workflow.journey;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels the running journeys of someone who left the directory (Offly's archive, Bridge's delete):
 * the process instance is deleted and the journey reaches {@code cancelled}, published as
 * {@link JourneyStatusChanged} through the outbox like every milestone, in the caller's transaction.
 */
@NamedInterface("journey")
@Service
public class JourneyCancellation {

    private static final Logger log = LoggerFactory.getLogger(JourneyCancellation.class);

    private final Journeys journeys;
    private final RuntimeService runtime;
    private final JourneyStatusRecorder recorder;

    JourneyCancellation(Journeys journeys, RuntimeService runtime, JourneyStatusRecorder recorder) {
        this.journeys = journeys;
        this.runtime = runtime;
        this.recorder = recorder;
    }

    /** @return the ids of the journeys cancelled; empty when none was running */
    @Transactional
    public List<Long> cancelRunning(long employeeId, String reason) {
        List<Journeys.RunningJourney> running = journeys.findAllRunning(employeeId);
        for (Journeys.RunningJourney journey : running) {
            // Custom listeners are skipped: a cancelled journey notifies nobody and reaches no other milestone.
            if (runtime.createProcessInstanceQuery().processInstanceId(journey.processInstanceId()).count() > 0) {
                runtime.deleteProcessInstance(journey.processInstanceId(), reason, true, true);
            }
            recorder.record(journey.id(), JourneyStatus.CANCELLED);
            try (var context = JourneyLogContext.of(employeeId, journey.id())) {
                log.info("Journey {} cancelled: {}", journey.id(), reason);
            }
        }
        return running.stream().map(Journeys.RunningJourney::id).toList();
    }
}
