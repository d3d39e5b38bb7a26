package dev.onboardingengine.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.onboardingengine.workflow.testing.EngineIntegrationTest;
import dev.onboardingengine.workflow.testing.SlackStandIn;

/**
 * "Email and Slack" when the mail server refuses: the step's job fails and is retried until an incident,
 * and the Slack message, which went out on the first attempt, is never sent again.
 */
@EngineIntegrationTest
@DirtiesContext
class SlackAndMailIntegrationTests {

    private static final SlackStandIn slack = new SlackStandIn();
    private static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void slackAndADeadMailServer(DynamicPropertyRegistry registry) {
        registry.add("onboarding.slack.bot-token", () -> "xoxb-test-token");
        registry.add("onboarding.slack.methods-url", slack::methodsUrl);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
        registry.add("onboarding.workflow.consume-new-hires", () -> "false");
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
        registry.add("camunda.bpm.generate-unique-process-application-name", () -> "true");
    }

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() {
        slack.close();
    }

    @Test
    void aFailingMailRetriesTheStepWithoutSendingTheSlackMessageAgain() {
        // Given a journey at its "email and Slack" step for the buddy, whom Slack knows
        repository.createDeployment().name("notify-slack-test").enableDuplicateFiltering(true)
                .addClasspathResource("processes-test/notify-slack-test.bpmn").deploy();
        NotifyTestJourney journey = new NotifyTestJourney();
        slack.knows(journey.buddyEmail, "U0BUDDYMAIL");
        String instance = runtime.startProcessInstanceByKey("notify-slack-test", journey.variables()).getId();
        management.executeJob(job(instance).getId()); // the announcement
        Job step = job(instance);

        // When the step runs three times and the mail server refuses each time
        for (int attempt = 0; attempt < 3; attempt++) {
            management.setJobDuedate(step.getId(), null);
            assertThatThrownBy(() -> management.executeJob(step.getId())).isInstanceOf(MailException.class);
        }

        // Then the buddy got the Slack message once, it stays recorded, the mail is not, and Cockpit has an incident
        assertThat(slack.calls("chat.postMessage")).extracting(call -> call.field("channel"))
                .containsExactly("C0GENERAL", "DU0BUDDYMAIL");
        String slackKey = instance + ":Task_TellBuddy:buddy:slack-dm";
        String mailKey = instance + ":Task_TellBuddy:buddy";
        assertThat(NotifyTestJourney.recorded(jdbc, List.of(slackKey, mailKey))).containsOnlyKeys(slackKey);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).singleResult().getActivityId())
                .isEqualTo("Task_TellBuddy");
        System.out.println("Email and Slack, mail server down: 3 attempts, "
                + (slack.calls("chat.postMessage").size() - 1) + " Slack direct message sent");
    }

    private Job job(String instance) {
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
