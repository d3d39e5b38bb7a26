package dev.onboardingengine.workflow.notification;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.onboardingengine.workflow.journey.JourneyVariables;
import dev.onboardingengine.workflow.journey.ReachableFromDiagrams;

/**
 * {@code ${actionNotifier}}, a create listener on user tasks: mails {@code action-assigned} (the
 * task's name and due date) to the stakeholder named by the task's {@code owner} input (hire, buddy
 * or manager), once per task; by Slack direct message with its "Mark done" button instead or as well
 * when the task's {@code channel} input says {@code slack-dm} or {@code email-and-slack}.
 */
@Component("actionNotifier")
@ReachableFromDiagrams
class ActionAssignedNotifier implements TaskListener {

    static final String OWNER = "owner";
    static final String TEMPLATE = "action-assigned";
    /** Optional: email (default), slack-dm or email-and-slack. */
    static final String CHANNEL = "channel";

    private final StakeholderNotifier notifier;

    ActionAssignedNotifier(StakeholderNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_CREATE.equals(task.getEventName())) {
            return;
        }
        // The input parameter lives on the task's execution; getVariable finds it there.
        Object owner = task.getVariable(OWNER);
        if (owner == null) {
            throw new IllegalStateException(
                    "User task " + task.getTaskDefinitionKey() + " sets no '" + OWNER + "' input");
        }
        Map<String, Object> action = new HashMap<>();
        action.put("actionName", task.getName());
        action.put("dueDate", Notification.localDate(task.getDueDate(), task.getVariable(JourneyVariables.TIME_ZONE)));
        // The task's own input only: a process variable that happens to be called "channel" is not a choice.
        NotificationChannel channel = NotificationChannel.of(task.getExecution().getVariableLocal(CHANNEL));
        if (channel.bySlackDirectMessage()) {
            notifier.directMessage(Notification.forJourney(task, owner.toString(), TEMPLATE,
                    task.getId() + ":" + NotificationChannel.SLACK_DM.wireName(), action), task.getId());
        }
        if (channel.byMail() || !channel.bySlackDirectMessage()) { // the webhooks are for service tasks only
            notifier.send(Notification.forJourney(task, owner.toString(), TEMPLATE, task.getId(), action));
        }
    }
}
