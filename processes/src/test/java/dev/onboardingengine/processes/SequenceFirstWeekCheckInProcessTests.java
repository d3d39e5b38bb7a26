package dev.onboardingengine.processes;

import static dev.onboardingengine.processes.HireVariables.EMPLOYEE_ID;
import static dev.onboardingengine.processes.HireVariables.MANAGER_ID;
import static dev.onboardingengine.processes.HireVariables.escalationOf;
import static dev.onboardingengine.processes.HireVariables.justBefore;
import static dev.onboardingengine.processes.HireVariables.workday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Date;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.onboardingengine.processes.EngineDoubles.ActionAssigned;
import dev.onboardingengine.processes.EngineDoubles.Notified;

/** sequence-first-week-check-in: the manager's 1:1 on workday 5, due workday 6, reminded, then HR told. */
@Deployment(resources = "processes/sequence-first-week-check-in.bpmn")
class SequenceFirstWeekCheckInProcessTests {

    private static final EngineDoubles doubles = new EngineDoubles();

    @RegisterExtension
    static final InMemoryProcessEngine engine = new InMemoryProcessEngine(SequenceFirstWeekCheckInProcessTests.class,
            doubles);

    private final SimulatedJobExecutor jobs = engine.jobExecutor();

    @Test
    void waitsForTheFifthWorkday() {
        // Given a hire starting in two weeks
        ProcessInstance sequence = startSequence();

        // Then it waits for workday 5
        assertThat(sequence).isWaitingAtExactly("Timer_DayFive");
        assertThat(job("Timer_DayFive", sequence)).hasDueDate(workday(5));
        jobs.runUntil(justBefore(workday(5)));
        assertThat(sequence).isWaitingAtExactly("Timer_DayFive");

        // When workday 5 comes
        jobs.runUntil(workday(5));

        // Then the manager has the 1:1 to hold
        assertThat(sequence).isWaitingAtExactly("Task_ManagerOneOnOne");
    }

    @Test
    void givesTheManagerTheOneOnOneDueOnTheSixthWorkdayAndTellsThem() {
        // Given a sequence on workday 5
        ProcessInstance sequence = startSequence();

        // When workday 5 comes
        jobs.runUntil(workday(5));

        // Then the 1:1 is the manager's, due on workday 6, and the manager is told
        Task oneOnOne = task("Task_ManagerOneOnOne", sequence);
        assertThat(oneOnOne).isAssignedTo(MANAGER_ID).hasDueDate(workday(6))
                .hasName("First-week 1:1 with the new hire");
        assertThat(doubles.actionsAssigned).containsExactly(
                new ActionAssigned(oneOnOne.getId(), "Task_ManagerOneOnOne", "manager", MANAGER_ID, workday(6)));
    }

    @Test
    void remindsTheManagerWhenTheOneOnOneIsDueAndNotHeld() {
        // Given the manager's open 1:1
        ProcessInstance sequence = startSequence();
        jobs.runUntil(justBefore(workday(6)));
        assertThat(doubles.notifications).isEmpty();

        // When its due date passes
        jobs.runUntil(workday(6));

        // Then the manager is reminded once, and the 1:1 stays open
        assertThat(doubles.notifications).containsExactly(
                new Notified(sequence.getId(), "Task_RemindOwner", "manager", "action-overdue",
                        "Task_ManagerOneOnOne"));
        assertThat(sequence).isWaitingAtExactly("Task_ManagerOneOnOne");
    }

    @Test
    void escalatesToHrTheEscalationDelayAfterTheDueDate() {
        // Given the manager reminded
        ProcessInstance sequence = startSequence();
        Date escalation = escalationOf(workday(6));
        jobs.runUntil(justBefore(escalation));
        assertThat(doubles.notifications).extracting(Notified::activityId).containsExactly("Task_RemindOwner");

        // When the escalation delay has passed too
        jobs.runUntil(escalation);

        // Then HR is told, and the 1:1 is still open
        assertThat(doubles.notifications).containsExactly(
                new Notified(sequence.getId(), "Task_RemindOwner", "manager", "action-overdue", "Task_ManagerOneOnOne"),
                new Notified(sequence.getId(), "Task_Escalate", "hr", "action-escalated", "Task_ManagerOneOnOne"));
        assertThat(sequence).hasPassed("End_Escalated").isWaitingAtExactly("Task_ManagerOneOnOne");
    }

    @Test
    void oneOnOneHeldInTimeEndsTheSequenceAndNobodyIsReminded() {
        // Given the manager's 1:1
        ProcessInstance sequence = startSequence();
        jobs.runUntil(workday(5));

        // When it is held
        complete(task("Task_ManagerOneOnOne", sequence));

        // Then the sequence is done with no reminder or escalation left
        assertThat(sequence).hasPassedInOrder("Timer_DayFive", "Task_ManagerOneOnOne", "End_SequenceDone").isEnded();
        assertThat(jobQuery().count()).isZero();
        assertThat(doubles.notifications).isEmpty();
    }

    private static ProcessInstance startSequence() {
        return runtimeService().startProcessInstanceByKey("sequence-first-week-check-in", EMPLOYEE_ID,
                HireVariables.newHire().asMap());
    }
}
