package dev.onboardingengine.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.onboardingengine.OnboardingEngineApplication;
import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.CreateTokenCommand;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.workflow.journey.JourneyQueries;
import dev.onboardingengine.workflow.journey.JourneyStatus;
import dev.onboardingengine.workflow.testing.TestBroker;
import dev.onboardingengine.workflow.testing.TestDatabase;

/**
 * A hire committed while its NewHireCreated could not reach Kafka is not lost: the event waits in the
 * outbox and the next run of the engine publishes it, and the journey starts.
 *
 * <p>The first run cannot reach any broker (its bootstrap address is a closed port), so its outbox
 * publication stays incomplete, exactly the state a process killed between commit and send leaves
 * behind. The second run, on the same database with a real broker, resubmits it. Both runs use their
 * own database and topics, so the application contexts other tests keep cached cannot help.
 */
class OutboxRecoveryIntegrationTests {

    @Test
    void anEventCommittedButNeverSentIsPublishedOnTheNextStart() throws Exception {
        String databaseUrl = TestDatabase.get().freshDatabaseUrl("outbox");
        String topics = "outbox-test-" + UUID.randomUUID();
        long employeeId;

        // Given a first run whose broker is unreachable
        try (ConfigurableApplicationContext firstRun = start(databaseUrl, "127.0.0.1:" + closedPort(), topics, false)) {
            // When a hire is committed
            Employee hire = firstRun.getBean(NewHireService.class).hire(NewHire.builder().firstName("Olga")
                    .lastName("Outbox").email("olga." + UUID.randomUUID() + "@example.com")
                    .role(EmployeeRole.NEW_HIRE).startDay(java.time.LocalDate.now().plusDays(7)).timeZone("UTC")
                    .build(), null);
            employeeId = hire.id();

            // Then its event is in the outbox, and stays incomplete because the send fails
            JdbcClient jdbc = firstRun.getBean(JdbcClient.class);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(20))
                    .until(() -> incompleteNewHireEvents(jdbc), count -> count == 1);
            assertThat(firstRun.getBean(JourneyQueries.class).journeysOf(employeeId)).isEmpty();
        } // the first run stops with the publication still owed

        // When the engine starts again, this time with a broker
        try (ConfigurableApplicationContext secondRun = start(databaseUrl, TestBroker.get().bootstrapServers(), topics,
                true)) {
            JourneyQueries journeys = secondRun.getBean(JourneyQueries.class);

            // Then the owed event is published, consumed, and the journey starts, once
            await().atMost(Duration.ofSeconds(90)).until(() -> journeys.journeysOf(employeeId),
                    found -> found.size() == 1 && found.get(0).status() == JourneyStatus.INVITATION_SENT);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> incompleteNewHireEvents(secondRun.getBean(JdbcClient.class)), count -> count == 0);
            assertThat(journeys.journeysOf(employeeId)).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(String databaseUrl, String bootstrapServers, String topics,
            boolean jobExecutor) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + databaseUrl,
                "spring.datasource.username=" + TestDatabase.get().username(),
                "spring.datasource.password=" + TestDatabase.get().password(),
                "spring.kafka.bootstrap-servers=" + bootstrapServers,
                "spring.kafka.producer.properties.max.block.ms=1500",
                "spring.kafka.admin.fail-fast=false",
                "spring.kafka.admin.operation-timeout=3",
                "onboarding.topics.new-hires=" + topics + ".new-hires",
                "onboarding.topics.journeys=" + topics + ".journeys",
                "onboarding.workflow.consumer-group=" + topics,
                // Nor may these runs join the shared contexts' hire-requests consumer group.
                "onboarding.topics.hire-requests=" + topics + ".hire-requests",
                "onboarding.intake.consumer-group=" + topics,
                "onboarding.outbox.resubmit-initial-delay=1s",
                "onboarding.outbox.resubmit-interval=1s",
                "onboarding.outbox.resubmit-older-than=0s",
                "camunda.bpm.job-execution.enabled=" + jobExecutor,
                "camunda.bpm.generate-unique-process-engine-name=true",
                "camunda.bpm.generate-unique-process-application-name=true",
                "spring.main.banner-mode=off",
                "onboarding.secrets.key=" + ApiIntegrationTest.SECRETS_KEY,
                "spring.autoconfigure.exclude=" + CreateTokenCommand.WITHOUT_WEB_APPS));
        // As command-line arguments: they win over application.yml, as the test needs.
        return new SpringApplicationBuilder(OnboardingEngineApplication.class)
                .web(WebApplicationType.NONE)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    private static long incompleteNewHireEvents(JdbcClient jdbc) {
        return jdbc
                .sql("select count(*) from event_publication where completion_date is null and event_type like :type")
                .param("type", "%NewHireCreated")
                .query(Long.class)
                .single();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
