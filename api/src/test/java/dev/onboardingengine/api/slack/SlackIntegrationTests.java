package dev.onboardingengine.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.SlackStandIn;

/**
 * Slack end to end, against a stand-in for its Web API and with interactive payloads signed and posted
 * as Slack posts them: a hire's journey announces the first day in a channel and sends the buddy a
 * direct message whose "Mark done" completes the action, for its owner only, once under retries.
 */
@ApiIntegrationTest
@DirtiesContext
class SlackIntegrationTests {

    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String SEQUENCE_KEY = "sequence-slack-first-day";
    private static final SlackStandIn slack = new SlackStandIn();

    @DynamicPropertySource
    static void slackApp(DynamicPropertyRegistry registry) {
        registry.add("onboarding.slack.bot-token", () -> "xoxb-test-token");
        registry.add("onboarding.slack.signing-secret", () -> SIGNING_SECRET);
        registry.add("onboarding.slack.methods-url", slack::methodsUrl);
        registry.add("onboarding.slack.response-url-prefix", () -> slack.responseUrl(""));
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
        registry.add("camunda.bpm.generate-unique-process-application-name", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcClient jdbc;

    private WorkeloClient admin;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SlackSignatures signatures = new SlackSignatures(SIGNING_SECRET);

    @BeforeEach
    void setUp() throws IOException {
        EngineClock.moveTo(Instant.parse("2026-05-01T08:00:00Z"));
        admin = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        if (repository.createProcessDefinitionQuery().processDefinitionKey(SEQUENCE_KEY).count() == 0) {
            try (InputStream bpmn = getClass().getResourceAsStream("/slack/" + SEQUENCE_KEY + ".bpmn")) {
                repository.createDeployment().name(SEQUENCE_KEY).addInputStream(SEQUENCE_KEY + ".bpmn", bpmn).deploy();
            }
        }
        slack.clear();
    }

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @AfterAll
    static void stop() {
        slack.close();
    }

    @Test
    void theBuddysButtonCompletesTheActionOnceAndOnlyForTheBuddy() throws Exception {
        // Given a hire whose buddy Slack knows by email, and whose manager an administrator matched by hand
        String run = UUID.randomUUID().toString().substring(0, 8);
        long buddy = employee("Bea", "Diallo", 1, run);
        long manager = employee("Max", "Keller", 2, run);
        String buddySlackId = "U0BEA" + run.toUpperCase().replaceAll("[^A-Z0-9]", "");
        slack.knows(email("Bea", "Diallo", run), buddySlackId);
        Answer matched = admin.put("/api/slack/members/" + manager,
                "{\"slack_user_id\": \"U0MAX" + run.substring(0, 4).toUpperCase() + "\"}");
        assertThat(matched.status()).as(matched.toString()).isEqualTo(200);
        String managerSlackId = (String) matched.body().get("slack_user_id");

        // When the hire's journey starts and its due steps run
        long hire = startedJourney(run, buddy, manager);

        // Then the channel got the first-day announcement, with the hire's and the manager's names
        List<SlackStandIn.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).extracting(call -> call.field("channel")).containsExactly("C0GENERAL1", "D" + buddySlackId);
        assertThat(posts.get(0).field("blocks")).contains("Lin Martin").contains("Max Keller");
        // and the buddy a direct message whose Mark done button carries the action's id
        Task action = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(hire))
                .taskDefinitionKey("Task_PlanFirstLunch").singleResult();
        assertThat(action).isNotNull();
        JsonNode buttons = objectMapper.readTree(posts.get(1).field("blocks")).get(1).path("elements");
        assertThat(buttons.get(0).path("action_id").asText()).isEqualTo("mark_done");
        assertThat(buttons.get(0).path("value").asText()).isEqualTo(action.getId());

        // When the manager clicks it (not theirs), then the buddy asks for their page
        assertThat(click(managerSlackId, "mark_done", action.getId(), "m1", null).statusCode()).isEqualTo(200);
        assertThat(click(buddySlackId, "open_page", action.getId(), "p1", null).statusCode()).isEqualTo(200);
        // Then the manager is told it is not theirs, the action stays open, and the buddy gets a link
        assertThat(awaitResponse("m1").path("text").asText()).contains("Only the person");
        assertThat(tasks.createTaskQuery().taskId(action.getId()).count()).isOne();
        JsonNode page = awaitResponse("p1");
        assertThat(page.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(page.path("text").asText()).contains("/portal/");

        // When the buddy clicks Mark done, and Slack sends the same click again as a retry
        assertThat(click(buddySlackId, "mark_done", action.getId(), "b1", null).statusCode()).isEqualTo(200);
        JsonNode done = awaitResponse("b1");
        assertThat(click(buddySlackId, "mark_done", action.getId(), "b1", "1").statusCode()).isEqualTo(200);

        // Then the action is completed, audited once as the buddy, and the message says it is done
        assertThat(history.createHistoricTaskInstanceQuery().taskId(action.getId()).singleResult().getDeleteReason())
                .isEqualTo("completed");
        assertThat(jdbc.sql("select actor_id from audit_entry where event = 'action_completion' and subject_id = :id")
                .param("id", action.getId()).query(Long.class).list()).containsExactly(buddy);
        assertThat(done.path("replace_original").asBoolean()).isTrue();
        assertThat(done.path("blocks").toString()).contains("Done");
        // and the retry was answered without doing anything (no second response)
        assertThat(slack.calls("respond/b1")).hasSize(1);
        System.out.println("Slack end to end: " + slack.calls("chat.postMessage").size() + " messages posted, "
                + slack.calls("users.lookupByEmail").size() + " lookup by email, 4 clicks (1 a retry), "
                + jdbc.sql("select count(*) from audit_entry where event = 'action_completion' and subject_id = :id")
                        .param("id", action.getId()).query(Long.class).single()
                + " completion audited");
    }

    @Test
    void refusesUnsignedForgedAndStaleRequestsBeforeReadingThem() throws Exception {
        String body = "payload=" + URLEncoder.encode("{\"type\":\"block_actions\"}", StandardCharsets.UTF_8);
        String now = Long.toString(Instant.now().getEpochSecond());
        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());

        int unsigned = post(body, null, null, null).statusCode();
        int forged = post(body, now, new SlackSignatures("another-secret").sign(now, bytes(body)), null).statusCode();
        int replayed = post(body, stale, signatures.sign(stale, bytes(body)), null).statusCode();
        HttpResponse<String> notAClick = post("payload=%7B%7D", now, signatures.sign(now, bytes("payload=%7B%7D")),
                null);

        assertThat(List.of(unsigned, forged, replayed)).containsOnly(401);
        assertThat(notAClick.statusCode()).isEqualTo(400);
        assertThat(notAClick.body()).contains("block_actions");
    }

    @Test
    void anAdministratorMatchesSomeoneToASlackUserAndABadIdIsRefusedNamingTheField() {
        long colleague = employee("Noa", "Berg", 1, UUID.randomUUID().toString().substring(0, 8));

        Answer bad = admin.put("/api/slack/members/" + colleague, "{\"slack_user_id\": \"not an id\"}");
        Answer set = admin.put("/api/slack/members/" + colleague, "{\"slack_user_id\": \"U0NOA42\"}");
        Answer read = admin.get("/api/slack/members/" + colleague);
        Answer removed = admin.delete("/api/slack/members/" + colleague);
        Answer afterRemoval = admin.get("/api/slack/members/" + colleague);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("slack_user_id");
        assertThat(set.status()).isEqualTo(200);
        assertThat(read.body()).containsEntry("slack_user_id", "U0NOA42");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(afterRemoval.body().get("slack_user_id")).isNull();
        assertThat(admin.get("/api/slack/members/999999999").status()).isEqualTo(404);
    }

    private long startedJourney(String run, long buddy, long manager) {
        long hr = employee("Hannah", "Reyes", 3, run);
        long template = admin.get("/templates?mobility=onboarding").list().stream()
                .filter(item -> SEQUENCE_KEY.equals(item.get("process_key"))).findFirst()
                .map(item -> ((Number) item.get("id")).longValue()).orElseThrow();
        Answer created = admin.post("/tracks", """
                {"mobility": "onboarding", "start_date": "2026-06-01",
                 "employee": {"first_name": "Lin", "last_name": "Martin", "email": "lin.%s@company.com",
                              "external_id": "HR-%s", "job_position": "Developer", "time_zone": "Europe/Paris"},
                 "implications": {"manager_id": %d, "buddy_id": %d, "hr_id": %d},
                 "template_ids": [%d]}""".formatted(run, run, manager, buddy, hr, template));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long hire = ((Number) created.body().get("employee_id")).longValue();
        Answer started = admin.put("/tracks/" + created.id() + "/start", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        EngineClock.runDueJobsOfJourney(management, runtime, Long.toString(hire));
        return hire;
    }

    private long employee(String first, String last, int roleId, String run) {
        Answer answer = admin.post("/employees", """
                {"first_name": "%s", "last_name": "%s", "email": "%s", "user_role_id": %d}"""
                .formatted(first, last, email(first, last, run), roleId));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.id();
    }

    private static String email(String first, String last, String run) {
        return first.toLowerCase() + "." + last.toLowerCase() + "." + run + "@company.com";
    }

    /** A click as Slack posts it: the block_actions payload, form-encoded, signed now. */
    private HttpResponse<String> click(String userId, String actionId, String value, String responseName,
            String retryNum) throws Exception {
        String payload = objectMapper.writeValueAsString(java.util.Map.of(
                "type", "block_actions",
                "user", java.util.Map.of("id", userId),
                "response_url", slack.responseUrl(responseName),
                "message", java.util.Map.of("blocks", List.of(java.util.Map.of("type", "section",
                        "text", java.util.Map.of("type", "mrkdwn", "text", "*Plan a first-day lunch*")))),
                "actions", List.of(java.util.Map.of("action_id", actionId, "value", value, "type", "button",
                        "action_ts", responseName + ".000100"))));
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return post(body, timestamp, signatures.sign(timestamp, bytes(body)), retryNum);
    }

    private HttpResponse<String> post(String body, String timestamp, String signature, String retryNum)
            throws Exception {
        HttpRequest.Builder request = HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/interactions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitResponse(String name) throws IOException {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls("respond/" + name).isEmpty());
        return objectMapper.readTree(slack.calls("respond/" + name).get(0).body());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
