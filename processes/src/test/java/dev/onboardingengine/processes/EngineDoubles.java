package dev.onboardingengine.processes;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The workflow module's beans, under the names the diagrams use, replaced by doubles that record what
 * the diagram asked of them. The beans' own work (read model, mail, Slack) is tested in workflow; here
 * only the diagrams are: which element called which bean, with which inputs, in which order.
 * {@code addedSequencesDone} also does what the diagram relies on (it counts {@code openAddedSequences}
 * down on the journey, as workflow's AddedSequencesDoneDelegate does), or the journey could never close.
 */
final class EngineDoubles {

    /** A status milestone reached: {@code ${journeyStatus}} with the element's {@code status} input. */
    record StatusSet(String processInstanceId, String activityId, Object status) {
    }

    /** {@code ${notifyStakeholder}} with the element's {@code recipient}, {@code template} and {@code action} inputs. */
    record Notified(String processInstanceId, String activityId, Object recipient, Object template, Object action) {
    }

    /** {@code ${actionNotifier}} on a user task's create event: the task and its {@code owner} input. */
    record ActionAssigned(String taskId, String taskDefinitionKey, Object owner, String assignee, Date due) {
    }

    final List<StatusSet> statuses = new CopyOnWriteArrayList<>();
    final List<String> invitations = new CopyOnWriteArrayList<>();
    final List<Notified> notifications = new CopyOnWriteArrayList<>();
    final List<ActionAssigned> actionsAssigned = new CopyOnWriteArrayList<>();
    final List<String> addedSequencesDone = new CopyOnWriteArrayList<>();
    final OnboardingTimeDouble onboardingTime = new OnboardingTimeDouble();

    Map<Object, Object> beans() {
        JavaDelegate journeyStatus = execution -> statuses.add(
                new StatusSet(execution.getProcessInstanceId(), execution.getCurrentActivityId(),
                        execution.getVariableLocal("status")));
        JavaDelegate sendInvitation = execution -> invitations.add(execution.getProcessInstanceId());
        JavaDelegate notifyStakeholder = execution -> notifications.add(new Notified(execution.getProcessInstanceId(),
                execution.getCurrentActivityId(), execution.getVariableLocal("recipient"),
                execution.getVariableLocal("template"),
                execution.getVariableLocal("action")));
        TaskListener actionNotifier = task -> {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                actionsAssigned
                        .add(new ActionAssigned(task.getId(), task.getTaskDefinitionKey(), task.getVariable("owner"),
                                task.getAssignee(), task.getDueDate()));
            }
        };
        JavaDelegate countAddedSequencesDone = this::countAddedSequencesDone;
        return Map.of(
                "journeyStatus", journeyStatus,
                "sendInvitation", sendInvitation,
                "notifyStakeholder", notifyStakeholder,
                "actionNotifier", actionNotifier,
                "addedSequencesDone", countAddedSequencesDone,
                "onboardingTime", onboardingTime);
    }

    private void countAddedSequencesDone(DelegateExecution execution) {
        DelegateExecution journey = execution.getProcessInstance();
        int open = ((Number) journey.getVariable("openAddedSequences")).intValue();
        journey.setVariable("openAddedSequences", Math.max(0, open - 1));
        addedSequencesDone.add(execution.getProcessInstanceId());
    }

    /** The statuses recorded for one process instance, in the order they were set. */
    List<Object> statusesOf(String processInstanceId) {
        return statuses.stream().filter(set -> set.processInstanceId().equals(processInstanceId)).map(StatusSet::status)
                .toList();
    }

    void reset() {
        statuses.clear();
        invitations.clear();
        notifications.clear();
        actionsAssigned.clear();
        addedSequencesDone.clear();
    }
}
