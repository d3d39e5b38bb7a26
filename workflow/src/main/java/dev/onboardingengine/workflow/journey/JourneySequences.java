package dev.onboardingengine.workflow.journey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds sequences to a journey that already runs: they start inside it (its Sub_SequencesAdded event
 * subprocess), never as a second journey, and the journey does not close before they are done. Their
 * moments that have already passed fire at once; nothing is skipped.
 *
 * <p>A journey whose own sequences have not begun yet (a draft, a scheduled invitation, an invitation
 * not sent yet) takes them among its chosen sequences instead: they begin with the others once the
 * invitation is sent, so nobody is asked to act for a hire who has not been invited.
 */
@NamedInterface("journey")
@Service
public class JourneySequences {

    private static final Logger log = LoggerFactory.getLogger(JourneySequences.class);

    /**
     * Where journey-onboarding waits before its sequences begin (Gateway_StartDayAndSequences comes after
     * the invitation is sent).
     */
    static final Set<String> BEFORE_SEQUENCES = Set.of("Wait_TrackStarted", "Timer_InvitationDate",
            "Task_SendInvitation");

    private final Journeys journeys;
    private final RuntimeService runtime;
    private final ManagementService management;

    JourneySequences(Journeys journeys, RuntimeService runtime, ManagementService management) {
        this.journeys = journeys;
        this.runtime = runtime;
        this.management = management;
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
        if (hasNotBegunItsSequences(journey.processInstanceId())) {
            chooseBeforeTheyBegin(employeeId, journey, sequenceKeys);
            return journey.id();
        }
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

    private boolean hasNotBegunItsSequences(String processInstanceId) {
        return runtime.getActiveActivityIds(processInstanceId).stream().anyMatch(BEFORE_SEQUENCES::contains);
    }

    private void chooseBeforeTheyBegin(long employeeId, Journeys.RunningJourney journey, List<String> sequenceKeys) {
        String instance = journey.processInstanceId();
        // A pending invitation job may be running right now with the old list already read: touching its
        // row makes one of the two transactions fail Camunda's optimistic lock, so the addition is never
        // lost (a failed job is retried by the executor; a failed addition answers 409 to be re-sent).
        for (Job job : management.createJobQuery().processInstanceId(instance).activityId("Task_SendInvitation")
                .list()) {
            management.setJobRetries(job.getId(), job.getRetries());
        }
        @SuppressWarnings("unchecked")
        List<String> chosen = (List<String>) runtime.getVariable(instance, JourneyVariables.SEQUENCE_KEYS);
        Set<String> merged = new LinkedHashSet<>(chosen == null ? List.of() : chosen);
        merged.addAll(sequenceKeys);
        List<String> keys = new ArrayList<>(merged);
        runtime.setVariable(instance, JourneyVariables.SEQUENCE_KEYS, keys);
        journeys.changeSequenceKeys(journey.id(), keys);
        try (var context = JourneyLogContext.of(employeeId, journey.id())) {
            log.info("Sequences {} chosen for journey {} before its sequences begin", sequenceKeys, journey.id());
        }
    }

    @NamedInterface("journey")
    public static class JourneyNotRunning extends RuntimeException {

        JourneyNotRunning(long employeeId) {
            super("Employee " + employeeId + " has no running onboarding journey");
        }
    }
}
