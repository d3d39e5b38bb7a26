package dev.onboardingengine.processes;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * What the workflow module sends a running journey, correlated as it correlates them: TrackStarted
 * with {@code inviteAt} (JourneyManagement.start), TrackCancelled (JourneyManagement.cancel) and
 * SequencesAdded with {@code openAddedSequences} counted up and the keys as the local
 * {@code addedSequenceKeys} (JourneySequences.add); and the sequences a journey has called.
 */
final class JourneyMessages {

    private final RuntimeService runtime;
    private final RepositoryService repository;

    JourneyMessages(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    /** PUT /tracks/{id}/start: {@code inviteAt} null invites at once. */
    void startTrack(ProcessInstance journey, Date inviteAt) {
        runtime.createMessageCorrelation("TrackStarted")
                .processInstanceId(journey.getId())
                .setVariable("inviteAt", inviteAt)
                .correlate();
    }

    /** PUT /tracks/{id}/cancel. */
    void cancelTrack(ProcessInstance journey) {
        runtime.createMessageCorrelation("TrackCancelled").processInstanceId(journey.getId()).correlate();
    }

    /** POST /api/journeys/{employee}/sequences. */
    void addSequences(ProcessInstance journey, String... sequenceKeys) {
        Number open = (Number) runtime.getVariable(journey.getId(), "openAddedSequences");
        runtime.createMessageCorrelation("SequencesAdded")
                .processInstanceId(journey.getId())
                .setVariable("openAddedSequences", (open == null ? 0 : open.intValue()) + 1)
                .setVariableLocal("addedSequenceKeys", new ArrayList<>(List.of(sequenceKeys)))
                .correlate();
    }

    /** The running sequences the journey called, each once per call. */
    List<ProcessInstance> calledSequences(ProcessInstance journey) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(journey.getId()).list();
    }

    /** The process keys of {@link #calledSequences}. */
    List<String> calledSequenceKeys(ProcessInstance journey) {
        return calledSequences(journey).stream()
                .map(called -> repository.getProcessDefinition(called.getProcessDefinitionId()).getKey())
                .toList();
    }
}
