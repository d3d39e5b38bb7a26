package dev.onboardingengine.workflow.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.MDC;

/** Puts the employee and journey ids into the logging context for the duration of a step. */
public final class JourneyLogContext implements AutoCloseable {

    private final MDC.MDCCloseable employee;
    private final MDC.MDCCloseable journey;

    private JourneyLogContext(Object employeeId, Object journeyId) {
        this.employee = MDC.putCloseable("employeeId", String.valueOf(employeeId));
        this.journey = journeyId == null ? null : MDC.putCloseable("journeyId", String.valueOf(journeyId));
    }

    public static JourneyLogContext of(long employeeId, Long journeyId) {
        return new JourneyLogContext(employeeId, journeyId);
    }

    static JourneyLogContext of(DelegateExecution execution) {
        return new JourneyLogContext(execution.getVariable(JourneyVariables.EMPLOYEE_ID),
                execution.getVariable(JourneyVariables.JOURNEY_ID));
    }

    @Override
    public void close() {
        employee.close();
        if (journey != null) {
            journey.close();
        }
    }
}
