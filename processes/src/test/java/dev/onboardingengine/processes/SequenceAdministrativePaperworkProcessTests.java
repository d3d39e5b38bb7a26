package dev.onboardingengine.processes;

import static dev.onboardingengine.processes.HireVariables.EMPLOYEE_ID;
import static dev.onboardingengine.processes.HireVariables.daysBeforeStart;
import static dev.onboardingengine.processes.HireVariables.justBefore;
import static dev.onboardingengine.processes.HireVariables.workday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.onboardingengine.processes.EngineDoubles.ActionAssigned;

/**
 * sequence-administrative-paperwork: a week before the start, four actions of the hire at once (the
 * personal-details form, deployed with it, for HR to validate; the handbook to read; the IT charter to
 * sign; a to-do), done when all four are.
 */
@Deployment(resources = {"processes/sequence-administrative-paperwork.bpmn", "processes/forms/personal-details.form"})
class SequenceAdministrativePaperworkProcessTests {

    private static final String[] PAPERWORK = {"Task_FillPersonalDetails", "Task_ReadHandbook", "Task_SignItCharter",
            "Task_BookFirstDayLunch"};

    private static final EngineDoubles doubles = new EngineDoubles();

    @RegisterExtension
    static final InMemoryProcessEngine engine = new InMemoryProcessEngine(
            SequenceAdministrativePaperworkProcessTests.class, doubles);

    private final SimulatedJobExecutor jobs = engine.jobExecutor();

    @Test
    void waitsUntilAWeekBeforeTheStartDay() {
        // Given a hire starting in two weeks
        ProcessInstance sequence = startSequence();

        // Then it waits for seven days before the start
        assertThat(sequence).isWaitingAtExactly("Timer_SevenDaysBeforeStart");
        assertThat(job("Timer_SevenDaysBeforeStart", sequence)).hasDueDate(daysBeforeStart(7));
        jobs.runUntil(justBefore(daysBeforeStart(7)));
        assertThat(taskQuery().count()).isZero();

        // When that moment comes
        jobs.runUntil(daysBeforeStart(7));

        // Then the hire has all four actions at once
        assertThat(sequence).isWaitingAtExactly(PAPERWORK);
    }

    @Test
    void givesTheHireFourActionsEachWithItsDueDateAndTellsThemOfEach() {
        // Given a sequence a week before the start
        ProcessInstance sequence = startSequence();

        // When the moment comes
        jobs.runUntil(daysBeforeStart(7));

        // Then each action is the hire's, due when the diagram says, and the hire is told of each
        Task form = task("Task_FillPersonalDetails", sequence);
        Task handbook = task("Task_ReadHandbook", sequence);
        Task charter = task("Task_SignItCharter", sequence);
        Task lunch = task("Task_BookFirstDayLunch", sequence);
        assertThat(form).isAssignedTo(EMPLOYEE_ID).hasDueDate(daysBeforeStart(2));
        assertThat(handbook).isAssignedTo(EMPLOYEE_ID).hasDueDate(daysBeforeStart(1));
        assertThat(charter).isAssignedTo(EMPLOYEE_ID).hasDueDate(daysBeforeStart(1));
        assertThat(lunch).isAssignedTo(EMPLOYEE_ID).hasDueDate(workday(1));
        assertThat(doubles.actionsAssigned).containsExactlyInAnyOrder(
                new ActionAssigned(form.getId(), "Task_FillPersonalDetails", "hire", EMPLOYEE_ID, daysBeforeStart(2)),
                new ActionAssigned(handbook.getId(), "Task_ReadHandbook", "hire", EMPLOYEE_ID, daysBeforeStart(1)),
                new ActionAssigned(charter.getId(), "Task_SignItCharter", "hire", EMPLOYEE_ID, daysBeforeStart(1)),
                new ActionAssigned(lunch.getId(), "Task_BookFirstDayLunch", "hire", EMPLOYEE_ID, workday(1)));
    }

    @Test
    void documentActionsNameTheirDocumentAndTheFormIsValidatedByHr() {
        // Given the hire's paperwork
        ProcessInstance sequence = startSequence();
        jobs.runUntil(daysBeforeStart(7));

        // Then the document actions carry the document to read or sign, and the form action HR's validation
        assertThat(taskService().getVariable(task("Task_ReadHandbook", sequence).getId(), "document"))
                .isEqualTo("employee-handbook");
        assertThat(taskService().getVariable(task("Task_SignItCharter", sequence).getId(), "document"))
                .isEqualTo("it-charter");
        assertThat(taskService().getVariable(task("Task_FillPersonalDetails", sequence).getId(), "validation"))
                .isEqualTo("hr");
        assertThat(taskService().getVariable(task("Task_BookFirstDayLunch", sequence).getId(), "document")).isNull();
    }

    @Test
    void formActionOpensThePersonalDetailsFormDeployedWithIt() throws IOException {
        // Given the hire's form action
        ProcessInstance sequence = startSequence();
        jobs.runUntil(daysBeforeStart(7));
        Task form = taskQuery().taskDefinitionKey("Task_FillPersonalDetails").initializeFormKeys().singleResult();

        // Then it references the latest personal-details form, which the engine resolves to the deployed .form
        assertThat(form.getCamundaFormRef().getKey()).isEqualTo("form-personal-details");
        assertThat(form.getCamundaFormRef().getBinding()).isEqualTo("latest");
        try (InputStream deployed = formService().getDeployedTaskForm(form.getId())) {
            assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"form-personal-details\"").contains("\"key\": \"legal_name\"");
        }
    }

    @Test
    void sequenceIsDoneOnlyWhenAllFourActionsAreDone() {
        // Given the hire's four actions
        ProcessInstance sequence = startSequence();
        jobs.runUntil(daysBeforeStart(7));

        // When three are done
        complete(task("Task_FillPersonalDetails", sequence));
        complete(task("Task_ReadHandbook", sequence));
        complete(task("Task_BookFirstDayLunch", sequence));
        // Then it waits for the fourth
        assertThat(sequence).isNotEnded().isWaitingAt("Task_SignItCharter");

        // When the fourth is done
        complete(task("Task_SignItCharter", sequence));

        // Then the sequence is done
        assertThat(sequence).hasPassed(PAPERWORK).hasPassed("Gateway_EveryPaperworkDone", "End_SequenceDone").isEnded();
    }

    private static ProcessInstance startSequence() {
        return runtimeService().startProcessInstanceByKey("sequence-administrative-paperwork", EMPLOYEE_ID,
                HireVariables.newHire().asMap());
    }
}
