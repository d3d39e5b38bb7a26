package dev.onboardingengine.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

/**
 * The Slack and generic-webhook channels of {@code ${notifyStakeholder}}, against a local HTTP server
 * standing in for Slack and for an HR system.
 */
@EngineIntegrationTest
@DirtiesContext
class ChatNotificationIntegrationTests {

    private static final List<Posted> posted = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failuresToAnswer = new AtomicInteger();
    private static final HttpServer endpoint = start();

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + endpoint.getAddress().getPort();
        registry.add("onboarding.notifications.slack-webhook-url", () -> base + "/slack");
        registry.add("onboarding.notifications.webhook-url", () -> base + "/hr-system");
        registry.add("onboarding.workflow.consume-new-hires", () -> "false");
        // A context of its own: its engine must not take the default engine's name from the others.
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
        registry.add("camunda.bpm.generate-unique-process-application-name", () -> "true");
    }

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void deploy() {
        repository.createDeployment().name("notify-chat-test").enableDuplicateFiltering(true)
                .addClasspathResource("processes-test/notify-chat-test.bpmn").deploy();
        posted.clear();
        failuresToAnswer.set(0);
    }

    @AfterAll
    static void stop() {
        endpoint.stop(0);
    }

    @Test
    void postsToSlackAndToTheWebhookOnceEachAndNeverForWhoMustNotBeNotified() throws Exception {
        // Given a journey whose buddy reads French and whose manager must not be notified
        NotifyTestJourney journey = new NotifyTestJourney();
        String instance = runtime.startProcessInstanceByKey("notify-chat-test", journey.variables()).getId();

        // When its notification jobs run
        EngineClock.runDueJobs(management, instance);

        // Then Slack got the buddy's message in French, the HR system the hire's as JSON, nothing for the manager
        assertThat(posted).extracting(Posted::path).containsExactly("/slack", "/hr-system");
        JsonNode slack = json.readTree(posted.get(0).body());
        assertThat(slack.path("text").asText()).startsWith("*Ada Lovelace arrive le");
        JsonNode webhook = json.readTree(posted.get(1).body());
        assertThat(webhook.path("recipientRole").asText()).isEqualTo("hire");
        assertThat(webhook.path("recipientEmail").asText()).isEqualTo(journey.hireEmail);
        assertThat(webhook.path("template").asText()).isEqualTo("hire-announced");
        assertThat(webhook.path("employeeId").asLong()).isEqualTo(journey.employeeId);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aRefusingEndpointMakesTheJobRetryAndThenDeliversOnce() {
        // Given Slack refuses the first attempt
        failuresToAnswer.set(1);
        NotifyTestJourney journey = new NotifyTestJourney();
        String instance = runtime.startProcessInstanceByKey("notify-chat-test", journey.variables()).getId();

        // When the first job fails, its retry is left for later, and then it runs again
        String jobId = management.createJobQuery().processInstanceId(instance).singleResult().getId();
        try {
            management.executeJob(jobId);
        } catch (RuntimeException expected) {
            // the job's failure is recorded by Camunda with a retry
        }
        int retriesLeft = management.createJobQuery().jobId(jobId).singleResult().getRetries();
        management.setJobDuedate(jobId, null);
        EngineClock.runDueJobs(management, instance);

        // Then one attempt was refused, the retry delivered, and nothing was posted twice
        assertThat(retriesLeft).isLessThan(3);
        assertThat(posted).extracting(Posted::path).containsExactly("/slack", "/slack", "/hr-system");
        assertThat(posted.get(0).status()).isEqualTo(500);
        assertThat(posted.get(1).status()).isEqualTo(200);
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
                posted.add(new Posted(exchange.getRequestURI().getPath(), body, status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Posted(String path, String body, int status) {
    }
}
