package dev.onboardingengine.workflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${notifyStakeholder}}: mails the template of the task's {@code template} input to the
 * stakeholder of its {@code recipient} input (hire, buddy or manager). Use it with
 * {@code camunda:asyncBefore="true"}: a mail server that fails then makes a job retry and an
 * incident, not a rolled-back journey step.
 */
@Component("notifyStakeholder")
class NotifyStakeholderDelegate implements JavaDelegate {

    static final String RECIPIENT = "recipient";
    static final String TEMPLATE = "template";

    private final StakeholderNotifier notifier;

    NotifyStakeholderDelegate(StakeholderNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.notifyStakeholder(execution, input(execution, RECIPIENT), input(execution, TEMPLATE));
    }

    private static String input(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        if (value == null) {
            throw new IllegalStateException("Element " + execution.getCurrentActivityId() + " sets no '" + name + "' input");
        }
        return value.toString();
    }
}
