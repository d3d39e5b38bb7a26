package dev.onboardingengine.processes;

import static dev.onboardingengine.processes.HireVariables.EMPLOYEE_ID;
import static dev.onboardingengine.processes.HireVariables.endsAt;
import static dev.onboardingengine.processes.HireVariables.justBefore;
import static dev.onboardingengine.processes.HireVariables.startsAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * journey-offboarding: a draft until TrackStarted, then in progress with its sequences running beside
 * the wait for the last day (endsAt), closed when both are over; TrackCancelled ends it from anywhere.
 * No offboarding sequence ships, so the tests deploy two of their own, one action each.
 */
@Deployment(resources = "processes/journey-offboarding.bpmn")
class JourneyOffboardingProcessTests {

    private static final String HANDOVER = "sequence-test-handover";
    private static final String RETURN_EQUIPMENT = "sequence-test-return-equipment";

    private static final EngineDoubles doubles = new EngineDoubles();

    @RegisterExtension
    static final InMemoryProcessEngine engine = new InMemoryProcessEngine(JourneyOffboardingProcessTests.class,
            doubles);

    private static final SimulatedJobExecutor jobs = engine.jobExecutor();
    private static final JourneyMessages messages = new JourneyMessages(engine.getRuntimeService(),
            engine.getRepositoryService());

    @BeforeEach
    void deployOffboardingSequences() {
        engine.manageDeployment(repositoryService().createDeployment()
                .addModelInstance(HANDOVER + ".bpmn", oneActionSequence(HANDOVER, "Task_Handover"))
                .addModelInstance(RETURN_EQUIPMENT + ".bpmn",
                        oneActionSequence(RETURN_EQUIPMENT, "Task_ReturnEquipment"))
                .deploy());
    }

    @Test
    void departureIsADraftUntilTheTrackIsStarted() {
        // Given an offboarding track
        ProcessInstance journey = startJourney(HireVariables.draftTrack(HANDOVER));

        // When its last day passes without TrackStarted
        jobs.runUntil(endsAt().toInstant().plusSeconds(3600));

        // Then it is still a draft and nothing runs
        assertThat(journey).isWaitingAtExactly("Wait_TrackStarted");
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft");
        assertThat(messages.calledSequences(journey)).isEmpty();
    }

    @Test
    void startedTrackIsInProgressAndRunsEachSequenceUntilTheLastDay() {
        // Given an offboarding track with two sequences
        ProcessInstance journey = startJourney(HireVariables.draftTrack(HANDOVER, RETURN_EQUIPMENT));

        // When it is started
        messages.startTrack(journey, null);

        // Then it is in progress, each sequence runs once under the employee id, and it waits for the last day
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "in_progress");
        assertThat(messages.calledSequenceKeys(journey)).containsExactlyInAnyOrder(HANDOVER, RETURN_EQUIPMENT);
        assertThat(journey).calledProcessInstance(HANDOVER).hasBusinessKey(EMPLOYEE_ID);
        assertThat(journey).calledProcessInstance(RETURN_EQUIPMENT).hasBusinessKey(EMPLOYEE_ID);
        assertThat(journey).isWaitingAt("Timer_LastDay", "Call_Sequences");
        assertThat(job("Timer_LastDay", journey)).hasDueDate(endsAt());
        // and, the person already working here, nobody is invited or announced
        assertThat(doubles.invitations).isEmpty();
        assertThat(doubles.notifications).isEmpty();
    }

    @Test
    void sequencesDoneBeforeTheLastDayCloseItOnTheLastDay() {
        // Given a started offboarding whose actions are all done on its first day
        ProcessInstance journey = startJourney(HireVariables.draftTrack(HANDOVER, RETURN_EQUIPMENT));
        messages.startTrack(journey, null);
        jobs.runUntil(startsAt());
        complete(action("Task_Handover"));
        complete(action("Task_ReturnEquipment"));

        // When the clock reaches the minute before the last day
        jobs.runUntil(justBefore(endsAt()));
        // Then it is not closed
        assertThat(journey).isWaitingAtExactly("Timer_LastDay", "Gateway_SequencesAndLastDayDone");

        // When the last day comes
        jobs.runUntil(endsAt());

        // Then it closes
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "in_progress", "closed");
        assertThat(journey).hasPassedInOrder("Status_Draft", "Wait_TrackStarted", "Status_InProgress", "Timer_LastDay",
                "Status_Closed", "End_JourneyClosed").isEnded();
    }

    @Test
    void sequenceStillOpenOnTheLastDayHoldsItUntilDone() {
        // Given a started offboarding with one action left open
        ProcessInstance journey = startJourney(HireVariables.draftTrack(HANDOVER, RETURN_EQUIPMENT));
        messages.startTrack(journey, null);
        complete(action("Task_Handover"));

        // When its last day passes
        jobs.runUntil(endsAt());
        // Then it waits for the action
        assertThat(journey).isNotEnded().isWaitingAt("Call_Sequences");
        assertThat(doubles.statusesOf(journey.getId())).doesNotContain("closed");

        // When it is done
        complete(action("Task_ReturnEquipment"));

        // Then it closes
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "in_progress", "closed");
        assertThat(journey).isEnded();
    }

    @Test
    void startedTrackWithoutSequencesClosesOnTheLastDay() {
        // Given a started offboarding without sequences
        ProcessInstance journey = startJourney(HireVariables.draftTrack());
        messages.startTrack(journey, null);
        assertThat(messages.calledSequences(journey)).isEmpty();

        // When the last day comes
        jobs.runUntil(endsAt());

        // Then it closes
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "in_progress", "closed");
        assertThat(journey).isEnded();
    }

    static Stream<Named<WaitingState>> waitingStates() {
        return Stream.of(
                state("a draft track", "Wait_TrackStarted", () -> startJourney(HireVariables.draftTrack(HANDOVER))),
                state("a started track with open actions", "Call_Sequences", () -> {
                    ProcessInstance journey = startJourney(HireVariables.draftTrack(HANDOVER, RETURN_EQUIPMENT));
                    messages.startTrack(journey, null);
                    return journey;
                }),
                state("a track whose actions are done, before its last day", "Timer_LastDay", () -> {
                    ProcessInstance journey = startJourney(HireVariables.draftTrack(HANDOVER));
                    messages.startTrack(journey, null);
                    complete(action("Task_Handover"));
                    return journey;
                }),
                state("a track past its last day with an action open", "Gateway_SequencesAndLastDayDone", () -> {
                    ProcessInstance journey = startJourney(HireVariables.draftTrack(HANDOVER));
                    messages.startTrack(journey, null);
                    jobs.runUntil(endsAt());
                    return journey;
                }));
    }

    @ParameterizedTest
    @MethodSource("waitingStates")
    void trackCancelledEndsItAsCancelledFromEveryStateItWaitsIn(WaitingState state) {
        // Given the offboarding waiting there
        ProcessInstance journey = state.reach().get();
        assertThat(journey).isWaitingAt(state.activityId());

        // When the track is cancelled
        messages.cancelTrack(journey);

        // Then it ends as cancelled, with nothing of it or its sequences left
        assertThat(journey).hasPassedInOrder("Start_TrackCancelled", "Status_Cancelled", "End_TrackCancelled")
                .hasNotPassed("Status_Closed").isEnded();
        assertThat(doubles.statusesOf(journey.getId())).last().isEqualTo("cancelled");
        assertThat(runtimeService().createProcessInstanceQuery().count()).as("journeys and sequences left").isZero();
        assertThat(jobQuery().count()).as("timers left").isZero();
        assertThat(taskQuery().count()).as("actions left").isZero();
    }

    /** Where an offboarding waits, and how a test gets it there. */
    record WaitingState(String activityId, Supplier<ProcessInstance> reach) {
    }

    private static Named<WaitingState> state(String description, String activityId, Supplier<ProcessInstance> reach) {
        return Named.of(description + " (" + activityId + ")", new WaitingState(activityId, reach));
    }

    private static BpmnModelInstance oneActionSequence(String key, String taskId) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent("Start_SequenceApplied")
                .userTask(taskId).camundaAssignee("${managerId}")
                .endEvent("End_SequenceDone")
                .done();
    }

    private static ProcessInstance startJourney(HireVariables departure) {
        return runtimeService().startProcessInstanceByKey("journey-offboarding", EMPLOYEE_ID, departure.asMap());
    }

    private static Task action(String taskDefinitionKey) {
        List<Task> tasks = taskQuery().taskDefinitionKey(taskDefinitionKey).list();
        assertThat(tasks).as("open %s", taskDefinitionKey).hasSize(1);
        return tasks.get(0);
    }
}
