package dev.onboardingengine.processes;

import static dev.onboardingengine.processes.HireVariables.BUDDY_ID;
import static dev.onboardingengine.processes.HireVariables.EMPLOYEE_ID;
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

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.onboardingengine.processes.EngineDoubles.ActionAssigned;
import dev.onboardingengine.processes.EngineDoubles.Notified;

/** sequence-welcome: on the start day the buddy introduces the hire to the team, reminded, then the manager told. */
@Deployment(resources = "processes/sequence-welcome.bpmn")
class SequenceWelcomeProcessTests {

    private static final EngineDoubles doubles = new EngineDoubles();

    @RegisterExtension
    static final InMemoryProcessEngine engine = new InMemoryProcessEngine(SequenceWelcomeProcessTests.class, doubles);

    private final SimulatedJobExecutor jobs = engine.jobExecutor();

    @Test
    void waitsForTheStartDayBeforeTheBuddyGetsTheirAction() {
        // Given a hire starting in two weeks
        ProcessInstance sequence = startSequence();

        // Then it waits for the first workday
        assertThat(sequence).isWaitingAtExactly("Timer_FirstDay");
        assertThat(job("Timer_FirstDay", sequence)).hasDueDate(workday(1));

        // When the clock reaches the minute before
        jobs.runUntil(justBefore(workday(1)));
        // Then there is no action yet
        assertThat(sequence).isWaitingAtExactly("Timer_FirstDay");
        assertThat(doubles.actionsAssigned).isEmpty();

        // When the start day comes
        jobs.runUntil(workday(1));
        // Then the buddy has their action
        assertThat(sequence).isWaitingAtExactly("Task_BuddyIntroduction");
    }

    @Test
    void givesTheBuddyTheIntroductionDueOnTheSecondWorkdayAndTellsThem() {
        // Given a sequence on the start day
        ProcessInstance sequence = startSequence();

        // When the start day comes
        jobs.runUntil(workday(1));

        // Then the introduction is the buddy's, due on workday 2, and the buddy is told
        Task introduction = task("Task_BuddyIntroduction", sequence);
        assertThat(introduction).isAssignedTo(BUDDY_ID).hasDueDate(workday(2))
                .hasName("Introduce the new hire to the team");
        assertThat(doubles.actionsAssigned).containsExactly(
                new ActionAssigned(introduction.getId(), "Task_BuddyIntroduction", "buddy", BUDDY_ID, workday(2)));
    }

    @Test
    void remindsTheBuddyWhenTheIntroductionIsDueAndNotDone() {
        // Given the buddy's introduction, open
        ProcessInstance sequence = startSequence();
        jobs.runUntil(justBefore(workday(2)));
        assertThat(doubles.notifications).isEmpty();

        // When its due date passes
        jobs.runUntil(workday(2));

        // Then the buddy is reminded once, and the action stays open
        assertThat(doubles.notifications).containsExactly(
                new Notified(sequence.getId(), "Task_RemindOwner", "buddy", "action-overdue",
                        "Task_BuddyIntroduction"));
        assertThat(sequence).hasPassed("End_OwnerReminded").isWaitingAtExactly("Task_BuddyIntroduction");
    }

    @Test
    void escalatesToTheManagerTheEscalationDelayAfterTheDueDate() {
        // Given the buddy reminded of their open introduction
        ProcessInstance sequence = startSequence();
        jobs.runUntil(justBefore(escalationOf(workday(2))));
        assertThat(doubles.notifications).extracting(Notified::activityId).containsExactly("Task_RemindOwner");

        // When the escalation delay has passed too
        jobs.runUntil(escalationOf(workday(2)));

        // Then the manager is told, and the action is still the buddy's to do
        assertThat(doubles.notifications).containsExactly(
                new Notified(sequence.getId(), "Task_RemindOwner", "buddy", "action-overdue", "Task_BuddyIntroduction"),
                new Notified(sequence.getId(), "Task_Escalate", "manager", "action-escalated",
                        "Task_BuddyIntroduction"));
        assertThat(sequence).hasPassed("End_Escalated").isWaitingAtExactly("Task_BuddyIntroduction");
    }

    @Test
    void introductionDoneInTimeEndsTheSequenceAndNobodyIsReminded() {
        // Given the buddy's introduction on the start day
        ProcessInstance sequence = startSequence();
        jobs.runUntil(workday(1));

        // When the buddy does it
        complete(task("Task_BuddyIntroduction", sequence));

        // Then the sequence is done, with no timer left to remind or escalate
        assertThat(sequence).hasPassedInOrder("Timer_FirstDay", "Task_BuddyIntroduction", "End_SequenceDone").isEnded();
        assertThat(jobQuery().count()).isZero();
        assertThat(doubles.notifications).isEmpty();
    }

    @Test
    void introductionDoneAfterTheReminderEndsTheSequenceBeforeAnyEscalation() {
        // Given the buddy reminded
        ProcessInstance sequence = startSequence();
        jobs.runUntil(workday(2));

        // When they do it and the escalation moment passes
        complete(task("Task_BuddyIntroduction", sequence));
        jobs.runUntil(escalationOf(workday(2)).toInstant().plusSeconds(3600));

        // Then the sequence is done and the manager was never told
        assertThat(sequence).isEnded().hasNotPassed("Task_Escalate");
        assertThat(doubles.notifications).extracting(Notified::activityId).containsExactly("Task_RemindOwner");
    }

    private static ProcessInstance startSequence() {
        return runtimeService().startProcessInstanceByKey("sequence-welcome", EMPLOYEE_ID,
                HireVariables.newHire().asMap());
    }
}
