package dev.onboardingengine.workflow.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's side of a running journey that {@link JourneyManagement} changes: its process instance with
 * the sequences it called, their timers, open actions (user tasks) and variables. Runs in the caller's
 * transaction.
 */
@Component
class JourneyInstances {

    /** The journey's own end timers (onboarding's Timer_JourneyEnd): they follow endsAt, not the shift. */
    static final String JOURNEY_END_TIMER = "Timer_JourneyEnd";
    /** The asynchronous invitation (asyncBefore) that follows a start without a later invite_at. */
    private static final String SEND_INVITATION = "Task_SendInvitation";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;

    JourneyInstances(RuntimeService runtime, ManagementService management, TaskService tasks) {
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
    }

    /**
     * Runs the journey's due invitation job now, as the job executor would, each job in a transaction of
     * its own: false when one failed (the job keeps its retries) or another node held it.
     */
    boolean runDueInvitation(String processInstanceId) {
        boolean sent = true;
        for (Job invitation : management.createJobQuery().processInstanceId(processInstanceId)
                .activityId(SEND_INVITATION).messages().executable().list()) {
            try {
                management.executeJob(invitation.getId());
            } catch (RuntimeException notNow) {
                sent = false;
            }
        }
        return sent;
    }

    /** The journey's process instance and the sequences it called. */
    List<String> of(String processInstanceId) {
        List<String> instances = new ArrayList<>();
        instances.add(processInstanceId);
        runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list().stream()
                .map(ProcessInstance::getId).forEach(instances::add);
        return instances;
    }

    /**
     * Moves every pending timer and open action's due date by {@code shiftDays} wall-clock days in
     * {@code zone}, puts the journey's end timers at {@code endsAt}, and gives every instance the new start
     * day, so the sequences' moments yet to be computed follow it.
     */
    void moveStart(String processInstanceId, long shiftDays, ZoneId zone, LocalDate newStart, Instant startsAt,
            Instant endsAt) {
        List<String> instances = of(processInstanceId);
        Set<String> journeyEnd = management.createJobQuery()
                .rootProcessInstanceId(processInstanceId).timers().activityId(JOURNEY_END_TIMER).list()
                .stream().map(Job::getId).collect(Collectors.toSet());
        if (shiftDays != 0) {
            for (Job timer : management.createJobQuery().rootProcessInstanceId(processInstanceId).timers().list()) {
                if (!journeyEnd.contains(timer.getId())) {
                    management.setJobDuedate(timer.getId(), shift(timer.getDuedate(), shiftDays, zone));
                }
            }
            for (Task task : tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
                if (task.getDueDate() != null) {
                    task.setDueDate(shift(task.getDueDate(), shiftDays, zone));
                    tasks.saveTask(task);
                }
            }
        }
        // The end is not shifted but recomputed: an explicit end_date stays where it was given.
        journeyEnd.forEach(end -> management.setJobDuedate(end, Date.from(endsAt)));
        for (String instance : instances) {
            runtime.setVariable(instance, JourneyVariables.START_DAY, newStart.toString());
            runtime.setVariable(instance, JourneyVariables.STARTS_AT, Date.from(startsAt));
            runtime.setVariable(instance, JourneyVariables.ENDS_AT, Date.from(endsAt));
        }
    }

    void setVariables(List<String> instances, Map<String, Object> variables) {
        for (String instance : instances) {
            runtime.setVariables(instance, variables);
        }
    }

    /**
     * Gives {@code next} (null: nobody) the open actions of {@code previous} in these instances.
     *
     * @return the ids of the reassigned actions
     */
    List<String> reassign(List<String> instances, long previous, Long next) {
        List<String> reassigned = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .taskAssignee(Long.toString(previous)).list()) {
            tasks.setAssignee(task.getId(), next == null ? null : next.toString());
            reassigned.add(task.getId());
        }
        return reassigned;
    }

    private static Date shift(Date date, long days, ZoneId zone) {
        return Date.from(date.toInstant().atZone(zone).plusDays(days).toInstant());
    }
}
