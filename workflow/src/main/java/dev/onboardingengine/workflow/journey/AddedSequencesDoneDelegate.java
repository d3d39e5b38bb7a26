package dev.onboardingengine.workflow.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${addedSequencesDone}}: one batch of added sequences finished. Counts it down on the
 * journey, which wakes Wait_AddedSequencesDone when nothing added is left.
 */
@Component("addedSequencesDone")
@ReachableFromDiagrams
class AddedSequencesDoneDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        DelegateExecution journey = execution.getProcessInstance();
        int open = ((Number) journey.getVariable(JourneyVariables.OPEN_ADDED_SEQUENCES)).intValue();
        journey.setVariable(JourneyVariables.OPEN_ADDED_SEQUENCES, Math.max(0, open - 1));
    }
}
