package dev.onboardingengine.processes;

import static dev.onboardingengine.processes.HireVariables.EMPLOYEE_ID;
import static dev.onboardingengine.processes.HireVariables.MANAGER_ID;
import static dev.onboardingengine.processes.HireVariables.daysBeforeStart;
import static dev.onboardingengine.processes.HireVariables.endsAt;
import static dev.onboardingengine.processes.HireVariables.justBefore;
import static dev.onboardingengine.processes.HireVariables.startsAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.onboardingengine.processes.EngineDoubles.Notified;
import dev.onboardingengine.processes.EngineDoubles.StatusSet;

/**
 * journey-onboarding with three of the shipped sequences to call: its status milestones, the invitation (now,
 * after TrackStarted, or at inviteAt), the start-day and end timers, the sequences of sequenceKeys and
 * those added later, when it closes, and TrackCancelled from every state it waits in.
 */
@Deployment(resources = {
        "processes/journey-onboarding.bpmn",
        "processes/sequence-welcome.bpmn",
        "processes/sequence-it-equipment.bpmn",
        "processes/sequence-first-week-check-in.bpmn"})
class JourneyOnboardingProcessTests {

    private static final String WELCOME = "sequence-welcome";
    private static final String IT_EQUIPMENT = "sequence-it-equipment";
    private static final String FIRST_WEEK_CHECK_IN = "sequence-first-week-check-in";
    private static final Date INVITE_AT = daysBeforeStart(7);

    private static final EngineDoubles doubles = new EngineDoubles();

    @RegisterExtension
    static final InMemoryProcessEngine engine = new InMemoryProcessEngine(JourneyOnboardingProcessTests.class, doubles);

    private static final SimulatedJobExecutor jobs = engine.jobExecutor();
    private static final JourneyMessages messages = new JourneyMessages(engine.getRuntimeService(),
            engine.getRepositoryService());

    @Test
    void newHireIsADraftThenInvitedAtOnceAndWaitsForTheStartDay() {
        // Given a hire announced by NewHireCreated
        ProcessInstance journey = startJourney(HireVariables.newHire());

        // Then the journey is a draft whose invitation is a job of its own (a failing mail server retries it)
        assertThat(journey).hasPassed("Status_Draft").hasNotPassed("Wait_TrackStarted")
                .isWaitingAtExactly("Task_SendInvitation");
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft");

        // When the job runs
        jobs.runDueJobs();

        // Then the hire is invited once, and the journey waits for the start day at startsAt
        assertThat(doubles.invitations).containsExactly(journey.getId());
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "invitation_sent");
        // (without sequences, the sequences and announcements are already at the join)
        assertThat(journey).isWaitingAtExactly("Timer_StartDay", "Gateway_StartedAndSequencesDone");
        assertThat(job("Timer_StartDay", journey)).hasDueDate(startsAt());
    }

    @Test
    void journeyWithoutTheStartImmediatelyVariableIsInvitedAtOnce() {
        // Given a journey started without startImmediately (absent means at once)
        ProcessInstance journey = startJourney(HireVariables.newHire().withoutStartImmediately());

        // Then it does not wait for TrackStarted
        assertThat(journey).isWaitingAtExactly("Task_SendInvitation");
    }

    @Test
    void invitedHireIsAnnouncedToTheBuddyThenToTheManager() {
        // Given a journey
        ProcessInstance journey = startJourney(HireVariables.newHire());

        // When its invitation and what follows have run
        jobs.runDueJobs();

        // Then the buddy, then the manager, got hire-announced
        assertThat(doubles.notifications).containsExactly(
                new Notified(journey.getId(), "Task_AnnounceHireToBuddy", "buddy", "hire-announced", null),
                new Notified(journey.getId(), "Task_AnnounceHireToManager", "manager", "hire-announced", null));
    }

    @Test
    void journeyWithoutSequencesPassesEveryStatusInOrderAndClosesAtItsEnd() {
        // Given an invited hire without sequences
        ProcessInstance journey = startJourney(HireVariables.newHire());
        jobs.runUntil(justBefore(startsAt()));
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "invitation_sent");

        // When the start day comes
        jobs.runUntil(startsAt());

        // Then it is in progress, and having no actions waits for its end
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "invitation_sent", "in_progress");
        assertThat(journey).isWaitingAtExactly("Timer_JourneyEnd");
        assertThat(job("Timer_JourneyEnd", journey)).hasDueDate(endsAt());

        // When its end comes
        jobs.runUntil(justBefore(endsAt()));
        assertThat(journey).isNotEnded();
        jobs.runUntil(endsAt());

        // Then it closes, each milestone with its status
        assertThat(doubles.statuses).containsExactly(
                new StatusSet(journey.getId(), "Status_Draft", "draft"),
                new StatusSet(journey.getId(), "Status_InvitationSent", "invitation_sent"),
                new StatusSet(journey.getId(), "Status_InProgress", "in_progress"),
                new StatusSet(journey.getId(), "Status_Closed", "closed"));
        assertThat(journey).hasPassedInOrder("Start_HireAnnounced", "Status_Draft", "Task_SendInvitation",
                "Status_InvitationSent", "Timer_StartDay", "Status_InProgress", "Timer_JourneyEnd",
                "Wait_AddedSequencesDone", "Status_Closed", "End_JourneyClosed").isEnded();
    }

    @Test
    void draftTrackWaitsForTrackStartedAndSendsNothing() {
        // Given a track created as a draft
        ProcessInstance journey = startJourney(HireVariables.draftTrack(WELCOME));

        // When its start day and end pass without TrackStarted
        jobs.runUntil(endsAt().toInstant().plusSeconds(3600));

        // Then it is still a draft: nobody invited or told, no sequence called
        assertThat(journey).isWaitingAtExactly("Wait_TrackStarted");
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft");
        assertThat(doubles.invitations).isEmpty();
        assertThat(doubles.notifications).isEmpty();
        assertThat(messages.calledSequences(journey)).isEmpty();
    }

    @Test
    void trackStartedWithoutAnInvitationDateInvitesAtOnce() {
        // Given a draft track
        ProcessInstance journey = startJourney(HireVariables.draftTrack());

        // When it is started without an invitation date
        messages.startTrack(journey, null);
        jobs.runDueJobs();

        // Then it is invited once, without being scheduled
        assertThat(journey).hasNotPassed("Status_Scheduled", "Timer_InvitationDate").isWaitingAt("Timer_StartDay");
        assertThat(doubles.invitations).containsExactly(journey.getId());
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "invitation_sent");
    }

    @Test
    void trackStartedWithAnInvitationDateIsScheduledAndInvitedAtThatMoment() {
        // Given a draft track
        ProcessInstance journey = startJourney(HireVariables.draftTrack());

        // When it is started with an invitation date a few days ahead
        messages.startTrack(journey, INVITE_AT);

        // Then it is scheduled, waiting for inviteAt
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "scheduled");
        assertThat(journey).isWaitingAtExactly("Timer_InvitationDate");
        assertThat(job("Timer_InvitationDate", journey)).hasDueDate(INVITE_AT);
        jobs.runUntil(justBefore(INVITE_AT));
        assertThat(doubles.invitations).isEmpty();

        // When the invitation date comes
        jobs.runUntil(INVITE_AT);

        // Then the hire is invited once
        assertThat(doubles.invitations).containsExactly(journey.getId());
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "scheduled", "invitation_sent");
        assertThat(journey).isWaitingAt("Timer_StartDay");
    }

    @Test
    void trackStartedReachesOnlyADraft() {
        // Given a journey that started at once
        ProcessInstance journey = startJourney(HireVariables.newHire());

        // When TrackStarted is sent to it, Then nothing waits for it (JourneyManagement answers "not a draft")
        assertThatThrownBy(() -> messages.startTrack(journey, null))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void invitedJourneyCallsOneSequencePerKeyWithTheHiresBusinessKeyAndVariables() {
        // Given a hire with two sequences, not invited yet
        ProcessInstance journey = startJourney(HireVariables.newHire(IT_EQUIPMENT, WELCOME));
        assertThat(messages.calledSequences(journey)).isEmpty();

        // When the invitation is sent
        jobs.runDueJobs();

        // Then each sequence runs once, under the employee id, seeing the journey's variables
        assertThat(messages.calledSequenceKeys(journey)).containsExactlyInAnyOrder(IT_EQUIPMENT, WELCOME);
        assertThat(journey).calledProcessInstance(IT_EQUIPMENT).hasBusinessKey(EMPLOYEE_ID)
                .isWaitingAtExactly("Timer_FiveDaysBeforeStart")
                .variables().containsEntry("managerId", MANAGER_ID)
                .containsEntry("startDay", HireVariables.START_DAY.toString());
        assertThat(journey).calledProcessInstance(WELCOME).hasBusinessKey(EMPLOYEE_ID)
                .isWaitingAtExactly("Timer_FirstDay");
        assertThat(journey).isWaitingAt("Timer_StartDay", "Call_Sequences");
    }

    @Test
    void journeyWithActionsClosesWhenTheLastIsDoneNotAtItsEnd() {
        // Given a journey on its start day with the actions of two sequences open
        ProcessInstance journey = startJourney(HireVariables.newHire(IT_EQUIPMENT, WELCOME));
        jobs.runUntil(startsAt());
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "invitation_sent", "in_progress");

        // When one is done
        complete(action("Task_PrepareEquipment"));
        // Then the journey goes on
        assertThat(journey).isNotEnded().isWaitingAt("Call_Sequences");

        // When the other is done
        complete(action("Task_BuddyIntroduction"));

        // Then it closes at once, without waiting for its end
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "invitation_sent", "in_progress",
                "closed");
        assertThat(journey).hasNotPassed("Timer_JourneyEnd").hasPassed("Status_Closed").isEnded();
    }

    @Test
    void journeyWhoseActionsAreDoneBeforeTheStartDayClosesOnTheStartDay() {
        // Given a hire whose only action (IT equipment) is done five days before the start
        ProcessInstance journey = startJourney(HireVariables.newHire(IT_EQUIPMENT));
        jobs.runUntil(daysBeforeStart(5));
        complete(action("Task_PrepareEquipment"));

        // When the clock reaches the minute before the start day
        jobs.runUntil(justBefore(startsAt()));
        // Then the journey has not begun, so it is not closed
        assertThat(journey).isWaitingAtExactly("Timer_StartDay", "Gateway_StartedAndSequencesDone");
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "invitation_sent");

        // When the start day comes
        jobs.runUntil(startsAt());

        // Then it goes through in progress to closed
        assertThat(doubles.statusesOf(journey.getId())).containsExactly("draft", "invitation_sent", "in_progress",
                "closed");
        assertThat(journey).isEnded();
    }

    @Test
    void addedSequencesRunInsideTheJourneyWhichClosesOnlyWhenTheyAreDone() {
        // Given a running journey with IT equipment, to which Welcome is added
        ProcessInstance journey = startJourney(HireVariables.newHire(IT_EQUIPMENT));
        jobs.runUntil(daysBeforeStart(5));
        messages.addSequences(journey, WELCOME);
        assertThat(messages.calledSequenceKeys(journey)).containsExactlyInAnyOrder(IT_EQUIPMENT, WELCOME);

        // When every original action is done and the start day has come
        complete(action("Task_PrepareEquipment"));
        jobs.runUntil(startsAt());

        // Then the journey waits for the added sequence
        assertThat(journey).isWaitingAt("Wait_AddedSequencesDone", "Call_AddedSequences");
        assertThat(doubles.statusesOf(journey.getId())).doesNotContain("closed");

        // When the added sequence's action is done
        complete(action("Task_BuddyIntroduction"));

        // Then the addition is counted done and the journey closes
        assertThat(doubles.addedSequencesDone).containsExactly(journey.getId());
        assertThat(journey).hasPassedInOrder("Task_CountAddedSequencesDone", "Status_Closed").isEnded();
    }

    @Test
    void everyAddedSequenceIsCalledAndEachAdditionHoldsTheJourney() {
        // Given a journey without sequences of its own, past its start day
        ProcessInstance journey = startJourney(HireVariables.newHire());
        jobs.runUntil(startsAt());

        // When two sequences are added, then one more
        messages.addSequences(journey, WELCOME, FIRST_WEEK_CHECK_IN);
        messages.addSequences(journey, IT_EQUIPMENT);
        jobs.runDueJobs();

        // Then each is called once
        assertThat(messages.calledSequenceKeys(journey)).containsExactlyInAnyOrder(WELCOME, FIRST_WEEK_CHECK_IN,
                IT_EQUIPMENT);

        // When the journey's end passes and only the first addition is done
        jobs.runUntil(endsAt());
        complete(action("Task_BuddyIntroduction"));
        complete(action("Task_ManagerOneOnOne"));
        // Then it still waits for the second addition
        assertThat(journey).isWaitingAt("Wait_AddedSequencesDone").isNotEnded();

        // When that one is done too
        complete(action("Task_PrepareEquipment"));

        // Then it closes
        assertThat(doubles.addedSequencesDone).hasSize(2);
        assertThat(doubles.statusesOf(journey.getId())).endsWith("closed");
        assertThat(journey).isEnded();
    }

    static Stream<Named<WaitingState>> waitingStates() {
        return Stream.of(
                state("a draft track", "Wait_TrackStarted", () -> startJourney(HireVariables.draftTrack(WELCOME))),
                state("a track scheduled for its invitation", "Timer_InvitationDate", () -> {
                    ProcessInstance journey = startJourney(HireVariables.draftTrack(WELCOME));
                    messages.startTrack(journey, INVITE_AT);
                    return journey;
                }),
                state("a journey whose invitation is pending", "Task_SendInvitation",
                        () -> startJourney(HireVariables.newHire(WELCOME))),
                state("an invited journey before its start day", "Timer_StartDay", () -> {
                    ProcessInstance journey = startJourney(HireVariables.newHire(IT_EQUIPMENT, WELCOME));
                    jobs.runUntil(daysBeforeStart(5));
                    return journey;
                }),
                state("a journey with open actions", "Call_Sequences", () -> {
                    ProcessInstance journey = startJourney(HireVariables.newHire(IT_EQUIPMENT, WELCOME));
                    jobs.runUntil(startsAt());
                    return journey;
                }),
                state("a journey waiting for added sequences", "Wait_AddedSequencesDone", () -> {
                    ProcessInstance journey = startJourney(HireVariables.newHire(IT_EQUIPMENT));
                    jobs.runDueJobs();
                    messages.addSequences(journey, WELCOME);
                    jobs.runUntil(daysBeforeStart(5));
                    complete(action("Task_PrepareEquipment"));
                    jobs.runUntil(startsAt());
                    return journey;
                }),
                state("a journey without actions waiting for its end", "Timer_JourneyEnd", () -> {
                    ProcessInstance journey = startJourney(HireVariables.newHire());
                    jobs.runUntil(startsAt());
                    return journey;
                }));
    }

    @ParameterizedTest
    @MethodSource("waitingStates")
    void trackCancelledEndsTheJourneyAsCancelledFromEveryStateItWaitsIn(WaitingState state) {
        // Given the journey waiting there
        ProcessInstance journey = state.reach().get();
        assertThat(journey).isWaitingAt(state.activityId());
        int notifiedBefore = doubles.notifications.size();

        // When the track is cancelled
        messages.cancelTrack(journey);

        // Then it ends as cancelled, with nothing of it or its sequences left to run
        assertThat(journey).hasPassedInOrder("Start_TrackCancelled", "Status_Cancelled", "End_TrackCancelled")
                .hasNotPassed("Status_Closed").isEnded();
        assertThat(doubles.statusesOf(journey.getId())).last().isEqualTo("cancelled");
        assertThat(runtimeService().createProcessInstanceQuery().count()).as("journeys and sequences left").isZero();
        assertThat(jobQuery().count()).as("timers and jobs left").isZero();
        assertThat(taskQuery().count()).as("actions left").isZero();

        // And nobody is told anything more, however long we wait
        jobs.runUntil(endsAt().toInstant().plusSeconds(3600));
        assertThat(doubles.notifications).hasSize(notifiedBefore);
        assertThat(doubles.statusesOf(journey.getId())).containsOnlyOnce("cancelled").doesNotContain("closed");
    }

    /** Where a journey waits, and how a test gets it there. */
    record WaitingState(String activityId, Supplier<ProcessInstance> reach) {
    }

    private static Named<WaitingState> state(String description, String activityId, Supplier<ProcessInstance> reach) {
        return Named.of(description + " (" + activityId + ")", new WaitingState(activityId, reach));
    }

    private static ProcessInstance startJourney(HireVariables hire) {
        return runtimeService().startProcessInstanceByKey("journey-onboarding", EMPLOYEE_ID, hire.asMap());
    }

    /** The one open action of a shipped sequence (its user task), of whichever sequence instance has it. */
    private static Task action(String taskDefinitionKey) {
        List<Task> tasks = taskQuery().taskDefinitionKey(taskDefinitionKey).list();
        assertThat(tasks).as("open %s", taskDefinitionKey).hasSize(1);
        return tasks.get(0);
    }

}
