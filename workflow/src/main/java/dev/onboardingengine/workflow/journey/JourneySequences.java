package dev.onboardingengine.workflow.journey;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds sequences to a journey that already runs: they start inside it (its Sub_SequencesAdded event
 * subprocess), never as a second journey, and the journey does not close before they are done. Their
 * moments that have already passed fire at once; nothing is skipped.
 */
@Service
public class JourneySequences {

    private static final Logger log = LoggerFactory.getLogger(JourneySequences.class);

    private final Journeys journeys;
    private final RuntimeService runtime;

    JourneySequences(Journeys journeys, RuntimeService runtime) {
        this.journeys = journeys;
        this.runtime = runtime;
    }

    /**
     * @param sequenceKeys process keys of deployed sequences
     * @return the id of the journey they were added to
     * @throws JourneyNotRunning when the employee has no running onboarding journey
     */
    @Transactional
    public long add(long employeeId, List<String> sequenceKeys) {
        Journeys.RunningJourney journey = journeys.findRunning(employeeId, JourneyLauncher.MOBILITY_ONBOARDING)
                .orElseThrow(() -> new JourneyNotRunning(employeeId));
        Number open = (Number) runtime.getVariable(journey.processInstanceId(), JourneyVariables.OPEN_ADDED_SEQUENCES);
        // Counting up here and down in the subprocess runs under Camunda's optimistic locking: two
        // concurrent additions cannot lose one another.
        runtime.createMessageCorrelation(JourneyVariables.SEQUENCES_ADDED_MESSAGE)
                .processInstanceId(journey.processInstanceId())
                .setVariable(JourneyVariables.OPEN_ADDED_SEQUENCES, (open == null ? 0 : open.intValue()) + 1)
                .setVariableLocal(JourneyVariables.ADDED_SEQUENCE_KEYS, new ArrayList<>(sequenceKeys))
                .correlate();
        try (var context = JourneyLogContext.of(employeeId, journey.id())) {
            log.info("Sequences {} added to running journey {}", sequenceKeys, journey.id());
        }
        return journey.id();
    }

    public static class JourneyNotRunning extends RuntimeException {
        JourneyNotRunning(long employeeId) {
            super("Employee " + employeeId + " has no running onboarding journey");
        }
    }
}
