package dev.onboardingengine.workflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.KafkaTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.EngineIntegrationTest;
import dev.onboardingengine.workflow.testing.TopicReader;

@EngineIntegrationTest
class JourneyLifecycleIntegrationTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JourneyQueries queries;
    @Autowired
    JourneyLauncher launcher;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void newHireEventStartsAJourneyThatTimersCarryToClosed() throws Exception {
        // Given a hire announced on the new-hires topic, starting in a week in Paris
        NewHireCreated hire = hire(LocalDate.now().plusDays(7), "Europe/Paris");

        // When the event is consumed
        send(hire);

        // Then the journey waits for the start day with its invitation sent
        JourneyView journey = awaitStatus(hire.employeeId(), JourneyStatus.INVITATION_SENT);
        assertThat(journey.history()).extracting(JourneyView.StatusChange::status)
                .containsExactly(JourneyStatus.DRAFT, JourneyStatus.INVITATION_SENT);
        assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(hire.employeeId())).singleResult().getId())
                .isEqualTo(journey.processInstanceId());
        assertThat(journey.startsAt())
                .isEqualTo(hire.startDay().atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());

        // When Camunda's clock reaches the start day and the due timer fires
        EngineClock.moveTo(journey.startsAt().plusSeconds(1));
        assertThat(EngineClock.runDueJobs(management, journey.processInstanceId())).isEqualTo(1);

        // Then it is in progress
        assertThat(onlyJourneyOf(hire.employeeId()).status()).isEqualTo(JourneyStatus.IN_PROGRESS);

        // When the end of the journey comes
        EngineClock.moveTo(journey.endsAt().plusSeconds(1));
        EngineClock.runDueJobs(management, journey.processInstanceId());

        // Then it is closed, the process ended, and every milestone went out on the journeys topic
        JourneyView closed = onlyJourneyOf(hire.employeeId());
        assertThat(closed.status()).isEqualTo(JourneyStatus.CLOSED);
        assertThat(closed.history()).extracting(JourneyView.StatusChange::status).containsExactly(
                JourneyStatus.DRAFT, JourneyStatus.INVITATION_SENT, JourneyStatus.IN_PROGRESS, JourneyStatus.CLOSED);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(journey.processInstanceId())
                .finished().count()).isEqualTo(1);

        List<ConsumerRecord<String, String>> events = journeyEventsOf(journey.id(), 4);
        assertThat(events)
                .extracting(record -> objectMapper.readValue(record.value(), JourneyStatusChanged.class).status())
                .containsExactly(JourneyStatus.DRAFT, JourneyStatus.INVITATION_SENT, JourneyStatus.IN_PROGRESS,
                        JourneyStatus.CLOSED);
        ConsumerRecord<String, String> first = events.get(0);
        assertThat(header(first, "ce_type")).isEqualTo("dev.onboardingengine.journey-status-changed.v1");
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_id"))
                .isEqualTo(objectMapper.readValue(first.value(), JourneyStatusChanged.class).eventId().toString());
        assertThat(first.key()).isEqualTo(Long.toString(journey.id()));
    }

    @Test
    void givenALaunchedJourney_thenItsDraftIsInItsHistoryOnTheJourneysTopicAndInCockpit() throws Exception {
        // Given a hire whose journey is launched (the launcher records the draft without the separate step's writes)
        NewHireCreated hire = hire(LocalDate.now().plusDays(5), "UTC");

        // When it is launched, and launched again (a redelivery)
        boolean first = launcher.launch(hire);
        boolean again = launcher.launch(hire);

        // Then the first launch started it and the second found it
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        JourneyView journey = onlyJourneyOf(hire.employeeId());
        assertThat(journey.status()).isEqualTo(JourneyStatus.DRAFT);
        assertThat(journey.history()).extracting(JourneyView.StatusChange::status)
                .containsExactly(JourneyStatus.DRAFT);
        // And its process instance is attached
        assertThat(journey.processInstanceId()).isEqualTo(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(hire.employeeId())).singleResult().getId());
        // And Cockpit shows Status_Draft passed
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(journey.processInstanceId())
                .activityId("Status_Draft").finished().count()).isEqualTo(1);
        // And the draft went out once, the first milestone of this employee's onboarding
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(hire.employeeId()));
        JourneyStatusChanged draft = objectMapper.readValue(journeyEventsOf(journey.id(), 2).get(0).value(),
                JourneyStatusChanged.class);
        assertThat(draft.status()).isEqualTo(JourneyStatus.DRAFT);
        assertThat(draft.previousStatus()).isNull();
        assertThat(draft.employeeId()).isEqualTo(hire.employeeId());
        assertThat(draft.mobility()).isEqualTo("onboarding");
        assertThat(draft.journeyId()).isEqualTo(journey.id());
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneJourney() throws Exception {
        NewHireCreated hire = hire(LocalDate.now().plusDays(3), "UTC");

        send(hire);
        send(hire);
        awaitStatus(hire.employeeId(), JourneyStatus.INVITATION_SENT);
        // A later, different hire on the same partition proves the second copy was consumed, not pending.
        NewHireCreated marker = new NewHireCreated(UUID.randomUUID(), hire.employeeId() + 1, "M", "Arker",
                "m@example.com", "en", "UTC", LocalDate.now().plusDays(3), null, null, List.of(), Instant.now(), null,
                null, null);
        kafka.send(new ProducerRecord<>("onboarding.new-hires", 0, Long.toString(hire.employeeId()),
                objectMapper.writeValueAsString(marker))).get();
        awaitStatus(marker.employeeId(), JourneyStatus.INVITATION_SENT);

        assertThat(queries.journeysOf(hire.employeeId())).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(hire.employeeId()))
                .count())
                .isEqualTo(1);
    }

    @Test
    void twoNodesRacingOnTheSameEventMakeOneJourney() throws Exception {
        NewHireCreated hire = hire(LocalDate.now().plusDays(3), "UTC");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(() -> {
                    try {
                        return launcher.launch(hire) ? "started" : "found";
                    } catch (DuplicateKeyException e) {
                        return "collided";
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(racers)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsOnlyOnce("started");
        } finally {
            pool.shutdownNow();
        }
        assertThat(queries.journeysOf(hire.employeeId())).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(hire.employeeId()))
                .count())
                .isEqualTo(1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>("onboarding.new-hires", 1, poisonKey, "{not json")).get();
        NewHireCreated after = hire(LocalDate.now().plusDays(1), "UTC");
        kafka.send(new ProducerRecord<>("onboarding.new-hires", 1, Long.toString(after.employeeId()),
                objectMapper.writeValueAsString(after))).get();

        awaitStatus(after.employeeId(), JourneyStatus.INVITATION_SENT);
        ConsumerRecord<String, String> dead = await().atMost(EVENTUALLY).until(
                () -> findRecord("onboarding.new-hires.DLT", record -> poisonKey.equals(record.key())),
                found -> found != null);
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("Not a NewHireCreated JSON payload");
    }

    private NewHireCreated hire(LocalDate startDay, String zone) {
        long employeeId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        return new NewHireCreated(UUID.randomUUID(), employeeId, "Ada", "Lovelace", "ada" + employeeId + "@example.com",
                "en", zone, startDay, null, null, List.of(), Instant.now(), null, null, null);
    }

    private void send(NewHireCreated hire) throws Exception {
        kafka.send("onboarding.new-hires", Long.toString(hire.employeeId()), objectMapper.writeValueAsString(hire))
                .get();
    }

    /** Waits for the journey to start, runs its due jobs (the invitation is asynchronous), then checks its status. */
    private JourneyView awaitStatus(long employeeId, JourneyStatus status) {
        await().atMost(EVENTUALLY).until(() -> queries.journeysOf(employeeId), journeys -> journeys.size() == 1);
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(employeeId));
        JourneyView journey = onlyJourneyOf(employeeId);
        assertThat(journey.status()).isEqualTo(status);
        return journey;
    }

    private JourneyView onlyJourneyOf(long employeeId) {
        List<JourneyView> journeys = queries.journeysOf(employeeId);
        assertThat(journeys).hasSize(1);
        return journeys.get(0);
    }

    private List<ConsumerRecord<String, String>> journeyEventsOf(long journeyId, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(EVENTUALLY).until(() -> {
            found.clear();
            found.addAll(records("onboarding.journeys").stream()
                    .filter(record -> Long.toString(journeyId).equals(record.key())).toList());
            return found.size() >= expected;
        });
        return found;
    }

    private ConsumerRecord<String, String> findRecord(String topic,
            java.util.function.Predicate<ConsumerRecord<String, String>> predicate) {
        return records(topic).stream().filter(predicate).findFirst().orElse(null);
    }

    private List<ConsumerRecord<String, String>> records(String topic) {
        return TopicReader.records(bootstrapServers, topic);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return TopicReader.header(record, name);
    }
}
