package dev.onboardingengine.workflow.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.workflow.action.Action;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.hire.Stakeholder;
import dev.onboardingengine.workflow.journey.JourneyManagement;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneySequences;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.JourneyView;
import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

/** Sequences chosen for a hire run inside their journey, on time in the hire's zone, and close it when done. */
@EngineIntegrationTest
class SequencesIntegrationTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JourneyQueries journeys;
    @Autowired
    JourneyActions actions;
    @Autowired
    SequenceCatalog catalog;
    @Autowired
    JourneySequences journeySequences;
    @Autowired
    JourneyManagement tracks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void theCatalogueListsTheShippedSequencesWithStableIds() {
        List<Sequence> sequences = catalog.all();

        assertThat(sequences).extracting(Sequence::processKey)
                .contains("sequence-it-equipment", "sequence-welcome", "sequence-first-week-check-in");
        assertThat(catalog.all()).isEqualTo(sequences);
        assertThat(catalog.withIds(List.of(sequences.get(0).id(), -1L))).isEmpty();
    }

    @Test
    void givenTheCatalogueRead_whenNothingIsDeployed_thenItIsNotReadAgain_andWhenASequenceIsDeployed_thenItIsListed() {
        // Given the catalogue read once
        List<Sequence> before = catalog.all();

        // When it is read again with no deployment in between, then it is the same catalogue, not a new read
        assertThat(catalog.all()).isSameAs(before);

        // When a new sequence is deployed, and then a second version of it under another name
        String key = "sequence-cache-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> deployments = new ArrayList<>();
        try {
            deployments.add(deploySequence(key, "First name"));
            List<Sequence> withIt = catalog.all();
            deployments.add(deploySequence(key, "Second name"));
            List<Sequence> withItsSecondVersion = catalog.all();

            // Then each read lists what is deployed now, under the same stable id
            assertThat(withIt).extracting(Sequence::processKey).contains(key).hasSize(before.size() + 1);
            Sequence first = withIt.stream().filter(s -> s.processKey().equals(key)).findFirst().orElseThrow();
            Sequence second = withItsSecondVersion.stream().filter(s -> s.processKey().equals(key)).findFirst()
                    .orElseThrow();
            assertThat(first.name()).isEqualTo("First name");
            assertThat(second.name()).isEqualTo("Second name");
            assertThat(second.id()).isEqualTo(first.id());
        } finally {
            deployments.forEach(id -> repository.deleteDeployment(id, true));
        }
        // And once it is gone, so is it from the catalogue
        assertThat(catalog.all()).extracting(Sequence::processKey).doesNotContain(key);
    }

    private String deploySequence(String key, String name) {
        return repository.createDeployment().name(key)
                .addModelInstance(key + ".bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key)
                        .name(name).camundaHistoryTimeToLive(1).startEvent().endEvent().done())
                .deploy().getId();
    }

    @Test
    void aHiresSequencesCreateTheirActionsOnTimeAndTheJourneyClosesWhenTheyAreDone() throws Exception {
        // Given a hire in New York starting in three weeks with two sequences, a buddy and a manager
        long employeeId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        // A Monday, so that workday 1 is the start day itself
        LocalDate startDay = LocalDate.now().plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Stakeholder buddy = new Stakeholder(employeeId + 1, "Bea", "Buddy", "bea@example.com", "en", true);
        Stakeholder manager = new Stakeholder(employeeId + 2, "Max", "Manager", "max@example.com", "en", true);
        NewHireCreated hire = new NewHireCreated(UUID.randomUUID(), employeeId, "Nia", "New", "nia@example.com", "en",
                NEW_YORK.getId(), startDay, buddy.employeeId(), manager.employeeId(),
                List.of("sequence-it-equipment", "sequence-welcome"), Instant.now(), buddy, manager, null);
        String key = Long.toString(employeeId);

        // When its event is consumed
        kafka.send("onboarding.new-hires", key, objectMapper.writeValueAsString(hire)).get();
        JourneyView journey = startedJourney(employeeId);

        // Then no action exists before its moment
        assertThat(actions.actionsOf(employeeId)).isEmpty();

        // When it is 09:00 New York time five days before the start day
        Instant fiveDaysBefore = startDay.minusDays(5).atTime(9, 0).atZone(NEW_YORK).toInstant();
        EngineClock.moveTo(fiveDaysBefore.plusSeconds(1));
        EngineClock.runDueJobsOfJourney(management, runtime, key);

        // Then the manager has the IT equipment action, due the day before the start
        assertThat(actions.actionsOf(employeeId)).singleElement().satisfies(action -> {
            assertThat(action.sequenceKey()).isEqualTo("sequence-it-equipment");
            assertThat(action.assigneeId()).isEqualTo(Long.toString(manager.employeeId()));
            assertThat(action.due()).isEqualTo(startDay.minusDays(1).atTime(9, 0).atZone(NEW_YORK).toInstant());
            assertThat(action.isOpen()).isTrue();
        });

        // When the start day comes
        EngineClock.moveTo(journey.startsAt().plusSeconds(1));
        EngineClock.runDueJobsOfJourney(management, runtime, key);

        // Then the journey is in progress and the buddy has the introduction to do
        assertThat(journeys.journeysOf(employeeId).get(0).status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        List<Action> open = actions.actionsOf(employeeId).stream().filter(Action::isOpen).toList();
        assertThat(open).extracting(Action::sequenceKey).containsExactlyInAnyOrder("sequence-it-equipment",
                "sequence-welcome");
        assertThat(open).filteredOn(action -> action.sequenceKey().equals("sequence-welcome")).singleElement()
                .extracting(Action::assigneeId).isEqualTo(Long.toString(buddy.employeeId()));

        // When one action is done, the journey goes on; when both are, it closes
        actions.complete(open.get(0).id(), action -> true);
        assertThat(journeys.journeysOf(employeeId).get(0).status()).isEqualTo(JourneyStatus.IN_PROGRESS);
        actions.complete(open.get(1).id(), action -> true);

        assertThat(journeys.journeysOf(employeeId).get(0).status()).isEqualTo(JourneyStatus.CLOSED);
        assertThat(actions.actionsOf(employeeId)).hasSize(2).noneMatch(Action::isOpen);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void sequencesAddedToARunningJourneyRunInsideItLateIfTheirMomentPassedAndHoldItsClosing() throws Exception {
        // Given a journey with the Welcome sequence that has begun
        long employeeId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        LocalDate startDay = LocalDate.now().plusDays(10).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Stakeholder buddy = new Stakeholder(employeeId + 1, "Bea", "Buddy", "bea@example.com", "en", true);
        Stakeholder manager = new Stakeholder(employeeId + 2, "Max", "Manager", "max@example.com", "en", true);
        NewHireCreated hire = new NewHireCreated(UUID.randomUUID(), employeeId, "Nia", "Late", "nia.late@example.com",
                "en", NEW_YORK.getId(), startDay, buddy.employeeId(), manager.employeeId(), List.of("sequence-welcome"),
                Instant.now(), buddy, manager, null);
        String key = Long.toString(employeeId);
        kafka.send("onboarding.new-hires", key, objectMapper.writeValueAsString(hire)).get();
        JourneyView journey = startedJourney(employeeId);
        EngineClock.moveTo(journey.startsAt().plusSeconds(60));
        EngineClock.runDueJobsOfJourney(management, runtime, key);
        Action welcome = actions.actionsOf(employeeId).get(0);

        // When IT equipment (due five days before the start, long past) is added to it
        long journeyId = journeySequences.add(employeeId, List.of("sequence-it-equipment"));
        EngineClock.runDueJobsOfJourney(management, runtime, key);

        // Then it runs inside the same journey, scheduled at once and flagged late
        assertThat(journeyId).isEqualTo(journey.id());
        assertThat(journeys.journeysOf(employeeId)).hasSize(1);
        Action equipment = actions.actionsOf(employeeId).stream()
                .filter(action -> "sequence-it-equipment".equals(action.sequenceKey())).findFirst().orElseThrow();
        assertThat(equipment.late()).isTrue();
        assertThat(equipment.overdue()).isTrue();
        assertThat(welcome.late()).isFalse();

        // When the original sequence is done, the journey still waits for the added one
        actions.complete(welcome.id(), action -> true);
        assertThat(journeys.journeysOf(employeeId).get(0).status()).isEqualTo(JourneyStatus.IN_PROGRESS);

        // And closes when that one is done too
        actions.complete(equipment.id(), action -> true);
        assertThat(journeys.journeysOf(employeeId).get(0).status()).isEqualTo(JourneyStatus.CLOSED);

        // And nothing can be added to a closed journey
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> journeySequences.add(employeeId, List.of("sequence-welcome")))
                .isInstanceOf(JourneySequences.JourneyNotRunning.class);
    }

    @Test
    void sequencesAddedToADraftWaitForItsInvitationAndBeginWithItsOwn() {
        // Given a draft track with the Welcome sequence, its start day ahead
        long employeeId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        LocalDate startDay = LocalDate.now().plusDays(10).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Stakeholder hire = new Stakeholder(employeeId, "Dana", "Draft", "dana.draft@example.com", "en", true);
        Stakeholder buddy = new Stakeholder(employeeId + 1, "Bea", "Buddy", "bea@example.com", "en", true);
        Stakeholder manager = new Stakeholder(employeeId + 2, "Max", "Manager", "max@example.com", "en", true);
        long journeyId = tracks.draft("onboarding", hire, NEW_YORK.getId(), startDay, null, List.of("sequence-welcome"),
                null, manager, buddy);
        String key = Long.toString(employeeId);

        // When IT equipment is added to it, even with its moment (five days before the start) long past
        EngineClock.moveTo(startDay.minusDays(4).atTime(9, 0).atZone(NEW_YORK).toInstant());
        assertThat(journeySequences.add(employeeId, List.of("sequence-it-equipment"))).isEqualTo(journeyId);
        EngineClock.runDueJobsOfJourney(management, runtime, key);

        // Then nothing runs while it is a draft: no sequence called, no action, and the track lists both
        String instance = tracks.find(journeyId).orElseThrow().processInstanceId();
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance).count()).isZero();
        assertThat(actions.actionsOf(employeeId)).isEmpty();
        assertThat(tracks.find(journeyId).orElseThrow().sequenceKeys())
                .containsExactly("sequence-welcome", "sequence-it-equipment");
        assertThat(journeys.journeysOf(employeeId).get(0).status()).isEqualTo(JourneyStatus.DRAFT);

        // And adding one it already has chooses it once
        journeySequences.add(employeeId, List.of("sequence-welcome"));
        assertThat(tracks.find(journeyId).orElseThrow().sequenceKeys())
                .containsExactly("sequence-welcome", "sequence-it-equipment");

        // When the track starts, both sequences begin with it
        tracks.start(journeyId, null);
        EngineClock.runDueJobsOfJourney(management, runtime, key);
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance).list())
                .extracting(called -> called.getProcessDefinitionId().split(":")[0])
                .containsExactlyInAnyOrder("sequence-welcome", "sequence-it-equipment");
        assertThat(actions.actionsOf(employeeId)).extracting(Action::sequenceKey).contains("sequence-it-equipment");
    }

    /** Waits for the journey to start and runs its due jobs: the invitation is asynchronous. */
    private JourneyView startedJourney(long employeeId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> journeys.journeysOf(employeeId), found -> found.size() == 1);
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(employeeId));
        JourneyView journey = journeys.journeysOf(employeeId).get(0);
        assertThat(journey.status()).isEqualTo(JourneyStatus.INVITATION_SENT);
        return journey;
    }
}
