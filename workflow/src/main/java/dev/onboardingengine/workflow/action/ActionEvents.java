package dev.onboardingengine.workflow.action;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.onboardingengine.workflow.journey.JourneyVariables;

/**
 * Turns the creation and completion of a journey's user tasks into {@link ActionAssigned} and
 * {@link ActionCompleted}. Camunda's Spring eventing hands every task event to Spring synchronously,
 * inside the engine's transaction, so the events go through the outbox with the task itself: a task
 * that rolls back never announced anything.
 */
@Component
class ActionEvents {

    private final ApplicationEventPublisher events;

    ActionEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener(condition = "#task.eventName == 'create' || #task.eventName == 'complete'")
    public void onTask(DelegateTask task) {
        Object journeyId = task.getVariable(JourneyVariables.JOURNEY_ID);
        Object employeeId = task.getVariable(JourneyVariables.EMPLOYEE_ID);
        if (!(journeyId instanceof Number journey) || !(employeeId instanceof Number employee)) {
            return; // a task outside any journey: not ours to announce
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        Object sequenceKey = task.getVariable(JourneyVariables.SEQUENCE_KEY);
        String sequence = sequenceKey == null ? null : sequenceKey.toString();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            events.publishEvent(new ActionAssigned(UUID.randomUUID(), journey.longValue(), employee.longValue(),
                    task.getId(), task.getName(), sequence, task.getAssignee(), due, now));
        } else {
            events.publishEvent(new ActionCompleted(UUID.randomUUID(), journey.longValue(), employee.longValue(),
                    task.getId(), task.getName(), sequence, task.getAssignee(), due, due != null && now.isAfter(due),
                    now));
        }
    }
}
