package dev.onboardingengine.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

/** A configured mail server that refuses connections: jobs fail, retry, then raise an incident. */
@EngineIntegrationTest
@DirtiesContext
class NotificationMailServerDownIntegrationTests {

    private static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void deadMailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
        registry.add("onboarding.workflow.consume-new-hires", () -> "false");
    }

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefusedMailFailsTheJobUntilAnIncidentAndRecordsNothing() {
        // Given a journey whose first step mails the hire, and a mail server that refuses connections
        NotifyTestJourney.deploy(repository);
        NotifyTestJourney journey = new NotifyTestJourney();
        String instance = runtime.startProcessInstanceByKey(NotifyTestJourney.PROCESS_KEY, journey.variables()).getId();
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        String key = NotifyTestJourney.serviceTaskKey(instance, "Task_SendInvitation", "hire");

        // When the job runs once
        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(MailException.class);

        // Then it failed with a retry fewer, and its transaction, the notification's row included, rolled back
        Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getExceptionMessage()).isNotBlank();
        assertThat(NotifyTestJourney.recorded(jdbc, List.of(key))).isEmpty();
        assertThat(runtime.getVariable(instance, "invitationSentAt")).isNull();

        // When it has run out of retries
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(MailException.class);
        }

        // Then an incident shows in Cockpit, the journey still waits at the invitation, nothing is recorded
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_SendInvitation");
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        assertThat(NotifyTestJourney.recorded(jdbc, List.of(key))).isEmpty();
    }

    private static int closedPort() {
        // A port that was free a moment ago: nothing listens there.
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
