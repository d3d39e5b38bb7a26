package dev.onboardingengine.workflow.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${journeyStatus}}: the "Set journey status" milestone. Reads the {@code status} input of the
 * element and the journey id of the process.
 */
@Component("journeyStatus")
@ReachableFromDiagrams
class JourneyStatusDelegate implements JavaDelegate {

    private final JourneyStatusRecorder recorder;

    JourneyStatusDelegate(JourneyStatusRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object status = execution.getVariableLocal(JourneyVariables.STATUS);
        if (status == null) {
            throw new IllegalStateException("Element " + execution.getCurrentActivityId() + " sets no 'status' input");
        }
        long journeyId = ((Number) execution.getVariable(JourneyVariables.JOURNEY_ID)).longValue();
        JourneyStatus reached = JourneyStatus.fromWireName(status.toString());
        try (var context = JourneyLogContext.of(execution)) {
            JourneyBeingLaunched.firstStatusOf(journeyId).ifPresentOrElse(
                    launched -> recorder.recordFirst(journeyId, launched, execution.getProcessInstanceId(), reached),
                    () -> recorder.record(journeyId, reached));
        }
    }
}
