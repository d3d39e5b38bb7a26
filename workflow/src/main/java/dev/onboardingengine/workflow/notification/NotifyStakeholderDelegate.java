package dev.onboardingengine.workflow.notification;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import dev.onboardingengine.workflow.journey.JourneyVariables;
import dev.onboardingengine.workflow.journey.ReachableFromDiagrams;

/**
 * {@code ${notifyStakeholder}}: mails the template of the task's {@code template} input to the
 * stakeholder of its {@code recipient} input (hire, buddy or manager). Use it with
 * {@code camunda:asyncBefore="true"}: a mail server that fails then makes a job retry and an
 * incident, not a rolled-back journey step.
 */
@Component("notifyStakeholder")
@ReachableFromDiagrams
class NotifyStakeholderDelegate implements JavaDelegate {

    static final String RECIPIENT = "recipient";
    static final String TEMPLATE = "template";
    /** Optional: the id of the user task the mail is about (reminders, escalations). */
    static final String ACTION = "action";
    /** Optional: email (default), slack-dm, email-and-slack, slack (the incoming webhook) or webhook. */
    static final String CHANNEL = "channel";

    private final StakeholderNotifier notifier;
    private final TaskService tasks;

    NotifyStakeholderDelegate(StakeholderNotifier notifier, TaskService tasks) {
        this.notifier = notifier;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> action = new HashMap<>();
        String taskId = null;
        Object actionId = execution.getVariableLocal(ACTION);
        if (actionId != null) {
            Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(actionId.toString()).singleResult();
            if (task == null) {
                return; // done in the meantime: nothing to remind anyone of
            }
            taskId = task.getId();
            action.put("actionName", task.getName());
            action.put("dueDate",
                    Notification.localDate(task.getDueDate(), execution.getVariable(JourneyVariables.TIME_ZONE)));
        }
        NotificationChannel channel = NotificationChannel.of(execution.getVariableLocal(CHANNEL));
        if (channel.byMail() || channel.bySlackDirectMessage()) {
            // Slack first: its message is committed once Slack has it, so a mail failing after it retries
            // the mail alone; a Slack failure retries both, nothing having been mailed yet.
            if (channel.bySlackDirectMessage()) {
                notifier.directMessage(execution, input(execution, RECIPIENT), input(execution, TEMPLATE), action,
                        taskId);
            }
            if (channel.byMail()) {
                notifier.notifyStakeholder(execution, input(execution, RECIPIENT), input(execution, TEMPLATE), action);
            }
        } else {
            notifier.notifyOnChannel(execution, input(execution, RECIPIENT), input(execution, TEMPLATE), action,
                    channel);
        }
    }

    private static String input(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        if (value == null) {
            throw new IllegalStateException(
                    "Element " + execution.getCurrentActivityId() + " sets no '" + name + "' input");
        }
        return value.toString();
    }
}
