package dev.onboardingengine.processes;

import static dev.onboardingengine.processes.HireVariables.EMPLOYEE_ID;
import static dev.onboardingengine.processes.HireVariables.MANAGER_ID;
import static dev.onboardingengine.processes.HireVariables.daysBeforeStart;
import static dev.onboardingengine.processes.HireVariables.escalationOf;
import static dev.onboardingengine.processes.HireVariables.justBefore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.onboardingengine.processes.EngineDoubles.ActionAssigned;
import dev.onboardingengine.processes.EngineDoubles.Notified;

/** sequence-it-equipment: the manager's equipment action 5 days before the start, due the day before, reminded, then HR told. */
@Deployment(resources = "processes/sequence-it-equipment.bpmn")
class SequenceItEquipmentProcessTests {

    private static final EngineDoubles doubles = new EngineDoubles();

    @RegisterExtension
    static final InMemoryProcessEngine engine = new InMemoryProcessEngine(SequenceItEquipmentProcessTests.class,
            doubles);

    private final SimulatedJobExecutor jobs = engine.jobExecutor();

    @Test
    void waitsUntilFiveDaysBeforeTheStartDay() {
        // Given a hire starting in two weeks
        ProcessInstance sequence = startSequence();

        // Then it waits for five days before the start
        assertThat(sequence).isWaitingAtExactly("Timer_FiveDaysBeforeStart");
        assertThat(job("Timer_FiveDaysBeforeStart", sequence)).hasDueDate(daysBeforeStart(5));
        jobs.runUntil(justBefore(daysBeforeStart(5)));
        assertThat(sequence).isWaitingAtExactly("Timer_FiveDaysBeforeStart");

        // When that moment comes
        jobs.runUntil(daysBeforeStart(5));

        // Then the manager has their action
        assertThat(sequence).isWaitingAtExactly("Task_PrepareEquipment");
    }

    @Test
    void givesTheManagerTheEquipmentDueTheDayBeforeTheStartAndTellsThem() {
        // Given a sequence five days before the start
        ProcessInstance sequence = startSequence();

        // When the moment comes
        jobs.runUntil(daysBeforeStart(5));

        // Then the action is the manager's, due the day before the start, and the manager is told
        Task equipment = task("Task_PrepareEquipment", sequence);
        assertThat(equipment).isAssignedTo(MANAGER_ID).hasDueDate(daysBeforeStart(1))
                .hasName("Prepare laptop, accounts and badge");
        assertThat(doubles.actionsAssigned).containsExactly(
                new ActionAssigned(equipment.getId(), "Task_PrepareEquipment", "manager", MANAGER_ID,
                        daysBeforeStart(1)));
    }

    @Test
    void hireAnnouncedLessThanFiveDaysAheadGetsTheActionAtOnce() {
        // Given a hire announced two days before the start
        ClockUtil.setCurrentTime(daysBeforeStart(2));
        ProcessInstance sequence = startSequence();

        // When what is due now runs
        jobs.runDueJobs();

        // Then the passed moment fires at once: the action is there, not yet overdue
        assertThat(sequence).isWaitingAtExactly("Task_PrepareEquipment");
        assertThat(doubles.notifications).isEmpty();
    }

    @Test
    void remindsTheManagerWhenTheEquipmentIsDueAndNotReady() {
        // Given the manager's open action
        ProcessInstance sequence = startSequence();
        jobs.runUntil(justBefore(daysBeforeStart(1)));
        assertThat(doubles.notifications).isEmpty();

        // When its due date passes
        jobs.runUntil(daysBeforeStart(1));

        // Then the manager is reminded once, and the action stays open
        assertThat(doubles.notifications).containsExactly(
                new Notified(sequence.getId(), "Task_RemindOwner", "manager", "action-overdue",
                        "Task_PrepareEquipment"));
        assertThat(sequence).isWaitingAtExactly("Task_PrepareEquipment");
    }

    @Test
    void escalatesToHrTheEscalationDelayAfterTheDueDate() {
        // Given the manager reminded
        ProcessInstance sequence = startSequence();
        Date escalation = escalationOf(daysBeforeStart(1));
        jobs.runUntil(justBefore(escalation));
        assertThat(doubles.notifications).extracting(Notified::activityId).containsExactly("Task_RemindOwner");

        // When the escalation delay has passed too
        jobs.runUntil(escalation);

        // Then HR is told (the manager's own action escalates to HR), and the action is still open
        assertThat(doubles.notifications).containsExactly(
                new Notified(sequence.getId(), "Task_RemindOwner", "manager", "action-overdue",
                        "Task_PrepareEquipment"),
                new Notified(sequence.getId(), "Task_Escalate", "hr", "action-escalated", "Task_PrepareEquipment"));
        assertThat(sequence).hasPassed("End_Escalated").isWaitingAtExactly("Task_PrepareEquipment");
    }

    @Test
    void equipmentReadyInTimeEndsTheSequenceAndNobodyIsReminded() {
        // Given the manager's action
        ProcessInstance sequence = startSequence();
        jobs.runUntil(daysBeforeStart(5));

        // When the manager marks it done
        complete(task("Task_PrepareEquipment", sequence));

        // Then the sequence is done with no reminder or escalation left
        assertThat(sequence).hasPassedInOrder("Timer_FiveDaysBeforeStart", "Task_PrepareEquipment", "End_SequenceDone")
                .isEnded();
        assertThat(jobQuery().count()).isZero();
        assertThat(doubles.notifications).isEmpty();
    }

    private static ProcessInstance startSequence() {
        return runtimeService().startProcessInstanceByKey("sequence-it-equipment", EMPLOYEE_ID,
                HireVariables.newHire().asMap());
    }
}
