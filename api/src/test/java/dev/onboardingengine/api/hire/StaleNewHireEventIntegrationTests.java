package dev.onboardingengine.api.hire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.workflow.hire.NewHireCreated;
import dev.onboardingengine.workflow.testing.TopicReader;

/**
 * A NewHireCreated that does not name the person its employee id belongs to (the id was lost in a
 * crash and given to somebody else, or never existed) is dead-lettered with the reason and starts no
 * journey; one that names the person starts it, even after their email changed. The events are
 * published by hand on the new-hires topic, as a stale outbox or a replay would.
 */
@ApiIntegrationTest
class StaleNewHireEventIntegrationTests {

    private static final String TOPIC = "onboarding.new-hires";

    @Autowired
    NewHireService hires;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void anEventForAnIdNowHeldBySomebodyElseIsDeadLetteredAndStartsNothing() throws Exception {
        // Given Ada, whose id an event for a lost hire, Grace, carries
        Employee ada = colleague("Ada", "Lovelace");
        NewHireCreated lost = event(ada.id(), UUID.randomUUID(), "Grace", "Hopper", unique("grace"));

        // When it is consumed
        publish(lost);

        // Then it is dead-lettered with the reason, and Ada has no journey
        ConsumerRecord<String, String> dead = awaitDeadLetter(lost);
        assertThat(TopicReader.header(dead, "onboarding_dlt_reason"))
                .contains("employee " + ada.id() + " is Ada Lovelace <" + ada.email() + ">")
                .contains("Grace Hopper <" + lost.email() + ">");
        assertThat(TopicReader.header(dead, "onboarding_dlt_fields")).isEqualTo("employeeUuid");
        assertThat(journeysOf(ada.id())).isZero();
    }

    @Test
    void anEventWithoutUuidMustMatchEmailAndNames() throws Exception {
        Employee ada = colleague("Ada", "Byron");
        NewHireCreated older = event(ada.id(), null, "Ada", "Byron", unique("someone.else"));

        publish(older);

        ConsumerRecord<String, String> dead = awaitDeadLetter(older);
        assertThat(TopicReader.header(dead, "onboarding_dlt_fields")).isEqualTo("email");
        assertThat(journeysOf(ada.id())).isZero();
    }

    @Test
    void anEventForAnEmployeeThatDoesNotExistIsDeadLettered() throws Exception {
        long absent = jdbc.sql("select coalesce(max(id), 0) + 1000000 from employee").query(Long.class).single();
        NewHireCreated ghost = event(absent, UUID.randomUUID(), "Gus", "Ghost", unique("gus"));

        publish(ghost);

        ConsumerRecord<String, String> dead = awaitDeadLetter(ghost);
        assertThat(TopicReader.header(dead, "onboarding_dlt_reason"))
                .isEqualTo("employee " + absent + " does not exist");
        assertThat(journeysOf(absent)).isZero();
    }

    @Test
    void anEventNamingThePersonStartsTheirJourneyEvenAfterTheirEmailChanged() throws Exception {
        // Given a person whose address changed after their hire event was written
        Employee ada = colleague("Ada", "King");
        NewHireCreated hire = event(ada.id(), ada.uuid(), "Ada", "King", unique("ada.before"));

        // When it is consumed, the journey starts: the UUID says it is her
        publish(hire);

        await().atMost(Duration.ofSeconds(60)).until(() -> journeysOf(ada.id()) == 1);
    }

    private Employee colleague(String firstName, String lastName) {
        return hires.hire(NewHire.builder().firstName(firstName).lastName(lastName)
                .email(unique(firstName.toLowerCase())).role(EmployeeRole.COLLEAGUE).build(), null);
    }

    private static NewHireCreated event(long employeeId, UUID uuid, String firstName, String lastName, String email) {
        return new NewHireCreated(UUID.randomUUID(), employeeId, firstName, lastName, email, "en", "UTC",
                LocalDate.now().plusDays(10), null, null, List.of(), Instant.now(), null, null, uuid);
    }

    private void publish(NewHireCreated event) throws Exception {
        kafka.send(TOPIC, Long.toString(event.employeeId()), objectMapper.writeValueAsString(event)).get();
    }

    private ConsumerRecord<String, String> awaitDeadLetter(NewHireCreated event) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TopicReader.records(bootstrapServers, TOPIC + ".DLT").stream()
                        .filter(record -> record.value().contains(event.eventId().toString())).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private long journeysOf(long employeeId) {
        return jdbc.sql("select count(*) from journey where employee_id = :id").param("id", employeeId)
                .query(Long.class).single();
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID() + "@example.com";
    }
}
