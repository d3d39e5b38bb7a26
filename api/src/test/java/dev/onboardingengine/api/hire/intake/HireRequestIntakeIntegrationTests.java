package dev.onboardingengine.api.hire.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.directory.Employees;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.journey.JourneyView;
import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.TopicReader;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hire requests from other systems: a record on onboarding.hire-requests becomes an employee and a
 * journey through the same NewHireService as REST; re-sending updates; what cannot be accepted goes
 * to the dead-letter topic with the reason and the fields, and the consumer goes on.
 */
@ApiIntegrationTest
class HireRequestIntakeIntegrationTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String TOPIC = "onboarding.hire-requests";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    Employees employees;
    @Autowired
    JourneyQueries journeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aHireRequestBecomesAnEmployeeWithAJourney() throws Exception {
        // Given a request naming its manager and a sequence by the sender's ids and keys
        String managerId = "MGR-" + UUID.randomUUID();
        send(managerId, """
                {"external_id":"%s","first_name":"Mona","last_name":"Manager","email":"%s","role":"manager"}
                """.formatted(managerId, unique("mona")));
        Employee manager = awaitEmployee(managerId);
        String externalId = "HR-" + UUID.randomUUID();
        LocalDate startDate = LocalDate.now().plusDays(14);

        // When it is sent keyed by its external id
        send(externalId, """
                {"external_id":"%s","first_name":"Hugo","last_name":"Hire","email":"%s","start_date":"%s",
                 "time_zone":"Europe/Paris","language":"fr","position":"Analyst","phone":"+33 1 00 00 00 00",
                 "manager_external_id":"%s","sequences":["sequence-welcome"],"sent_by":"Workday"}
                """.formatted(externalId, unique("hugo"), startDate, managerId));

        // Then the employee exists with every field, and the journey starts
        Employee hire = awaitEmployee(externalId);
        assertThat(hire.role()).isEqualTo(EmployeeRole.NEW_HIRE);
        assertThat(hire.startDay()).isEqualTo(startDate);
        assertThat(hire.timeZone()).isEqualTo("Europe/Paris");
        assertThat(hire.language()).isEqualTo("fr");
        assertThat(hire.managerId()).isEqualTo(manager.id());
        assertThat(awaitJourney(hire.id()).status()).isEqualTo(JourneyStatus.INVITATION_SENT);
        assertThat(manager.role()).isEqualTo(EmployeeRole.MANAGER);
        assertThat(journeys.journeysOf(manager.id())).isEmpty();
    }

    @Test
    void reSendingTheSameExternalIdUpdatesTheEmployeeAndStartsNoSecondJourney() throws Exception {
        // Given a hire created from a request, with its journey
        String externalId = "HR-" + UUID.randomUUID();
        String email = unique("ursula");
        send(externalId, """
                {"external_id":"%s","first_name":"Ursula","last_name":"Update","email":"%s","position":"Intern",
                 "phone":"+49 30 000","start_date":"%s"}
                """.formatted(externalId, email, LocalDate.now().plusDays(10)));
        Employee created = awaitEmployee(externalId);
        awaitJourney(created.id());
        double updatesBefore = received("updated");

        // When the same external id is sent again, with a new position, an empty phone and no start date
        send(externalId, """
                {"external_id":"%s","first_name":"Ursula","last_name":"Update","email":"%s","position":"Engineer",
                 "phone":""}
                """.formatted(externalId, email.toUpperCase()));

        // Then the one employee is updated (absent fields kept, empty ones cleared), audited, with one journey
        Employee updated = await().atMost(EVENTUALLY).until(() -> employees.findByExternalId(externalId).orElseThrow(),
                employee -> "Engineer".equals(employee.position()));
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.phone()).isNull();
        assertThat(updated.startDay()).isEqualTo(created.startDay());
        assertThat(jdbc.sql("select count(*) from employee where external_id = :id").param("id", externalId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select summary from audit_entry where event = 'user_update' and subject_id = :id")
                .param("id", Long.toString(created.id())).query(String.class).list())
                .singleElement().asString().contains("position").contains("phone").doesNotContain("email");
        assertThat(received("updated")).isEqualTo(updatesBefore + 1);

        // And sent a third time unchanged, nothing is written and still one journey runs
        send(externalId, """
                {"external_id":"%s","first_name":"Ursula","last_name":"Update","email":"%s","position":"Engineer"}
                """.formatted(externalId, email));
        await().atMost(EVENTUALLY).until(() -> received("unchanged") > 0);
        assertThat(journeys.journeysOf(created.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'user_update' and subject_id = :id")
                .param("id", Long.toString(created.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInvalidRequestGoesToTheDeadLetterTopicNamingItsFieldsAndTheConsumerGoesOn() throws Exception {
        // Given an invalid request (blank email, unknown buddy, unknown sequence) and a valid one after it, in one partition
        String invalidId = "BAD-" + UUID.randomUUID();
        String validId = "HR-" + UUID.randomUUID();
        double deadLettersBefore = deadLetters();
        kafka.send(new ProducerRecord<>(TOPIC, 0, invalidId, """
                {"external_id":"%s","first_name":"Ivy","last_name":"Invalid","email":" ",
                 "buddy_external_id":"nobody-%s","sequences":["sequence-nope"]}
                """.formatted(invalidId, invalidId))).get();
        kafka.send(new ProducerRecord<>(TOPIC, 0, validId, """
                {"external_id":"%s","first_name":"Val","last_name":"Valid","email":"%s"}
                """.formatted(validId, unique("val")))).get();

        // Then the valid one is accepted: the consumer went on
        awaitEmployee(validId);
        assertThat(employees.findByExternalId(invalidId)).isEmpty();

        // And the invalid one is on the dead-letter topic, as sent, with the reason and the fields at fault
        ConsumerRecord<String, String> dead = awaitDeadLetter(invalidId);
        assertThat(dead.value()).contains("Ivy");
        assertThat(dead.partition()).isZero();
        assertThat(TopicReader.header(dead, "onboarding_dlt_fields").split(","))
                .containsExactlyInAnyOrder("email", "buddy_external_id", "sequences");
        assertThat(TopicReader.header(dead, "onboarding_dlt_reason"))
                .contains("email: blank").contains("buddy_external_id: unknown_reference");
        assertThat(TopicReader.header(dead, "kafka_dlt-exception-message")).contains("Invalid hire request");
        assertThat(deadLetters()).isGreaterThan(deadLettersBefore);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheReason() throws Exception {
        // Given a record that is not JSON, one whose date is not a date, and one whose key contradicts its payload
        String notJson = "NOTJSON-" + UUID.randomUUID();
        String badDate = "BADDATE-" + UUID.randomUUID();
        String mismatch = "KEY-" + UUID.randomUUID();
        double rejectedBefore = received("rejected");

        send(notJson, "{\"external_id\": oops");
        send(badDate, """
                {"external_id":"%s","first_name":"Dora","last_name":"Date","email":"%s","start_date":"next monday"}
                """.formatted(badDate, unique("dora")));
        send(mismatch, """
                {"external_id":"OTHER-%s","first_name":"Kim","last_name":"Key","email":"%s"}
                """.formatted(mismatch, unique("kim")));

        // Then each is dead-lettered, with the field when there is one
        ConsumerRecord<String, String> deadJson = awaitDeadLetter(notJson);
        assertThat(TopicReader.header(deadJson, "onboarding_dlt_reason")).startsWith("Not JSON");
        assertThat(TopicReader.header(deadJson, "onboarding_dlt_fields")).isNull();
        ConsumerRecord<String, String> deadDate = awaitDeadLetter(badDate);
        assertThat(TopicReader.header(deadDate, "onboarding_dlt_fields")).isEqualTo("start_date");
        ConsumerRecord<String, String> deadKey = awaitDeadLetter(mismatch);
        assertThat(TopicReader.header(deadKey, "onboarding_dlt_fields")).isEqualTo("external_id");
        assertThat(TopicReader.header(deadKey, "onboarding_dlt_reason")).contains("external_id: key_mismatch");
        assertThat(received("rejected")).isGreaterThanOrEqualTo(rejectedBefore + 3);
    }

    private void send(String key, String json) throws Exception {
        kafka.send(TOPIC, key, json).get();
    }

    private Employee awaitEmployee(String externalId) {
        return await().atMost(EVENTUALLY)
                .until(() -> employees.findByExternalId(externalId), found -> found.isPresent())
                .orElseThrow();
    }

    private JourneyView awaitJourney(long employeeId) {
        EngineClock.awaitJourneyAndRunDueJobs(management, runtime, Long.toString(employeeId));
        List<JourneyView> found = journeys.journeysOf(employeeId);
        assertThat(found).singleElement().extracting(JourneyView::status).isEqualTo(JourneyStatus.INVITATION_SENT);
        return found.get(0);
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String key) {
        return await().atMost(EVENTUALLY).until(() -> TopicReader.records(bootstrapServers, TOPIC + ".DLT").stream()
                .filter(record -> key.equals(record.key())).findFirst().orElse(null), found -> found != null);
    }

    private double received(String outcome) {
        var counter = meters.find("onboarding.hires.received").tag("channel", "kafka").tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLetters() {
        var counter = meters.find("onboarding.dead.letters").tag("topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID() + "@example.com";
    }
}
