package dev.onboardingengine.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.EngineIntegrationTest;
import dev.onboardingengine.workflow.testing.SlackStandIn;

/**
 * Slack as the app ({@code onboarding.slack.*}) against a stand-in for its Web API on loopback: the
 * buddy's direct messages (one with the action's buttons), the channel's announcement, nothing for a
 * manager never to be notified, each message once across a restart, and Slack's 429s and failures.
 */
@EngineIntegrationTest
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackNotificationIntegrationTests {

    private static final String PROCESS_KEY = "notify-slack-test";
    private static final Set<String> SERVICE_TASKS = Set.of("Task_AnnounceFirstDay", "Task_TellBuddy",
            "Task_TellManager");
    private static final SlackStandIn slack = new SlackStandIn();
    private static final NotifyTestJourney journey = new NotifyTestJourney();
    private static final String BUDDY_SLACK_ID = "U0BUDDY" + journey.employeeId % 1000;
    /** The journey of the first test, which the restart test runs again on a new engine. */
    private static String firstInstance;

    @DynamicPropertySource
    static void slackApp(DynamicPropertyRegistry registry) {
        registry.add("onboarding.slack.bot-token", () -> "xoxb-test-token");
        registry.add("onboarding.slack.methods-url", slack::methodsUrl);
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
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void deploy() {
        repository.createDeployment().name(PROCESS_KEY).enableDuplicateFiltering(true)
                .addClasspathResource("processes-test/notify-slack-test.bpmn").deploy();
        slack.knows(journey.buddyEmail, BUDDY_SLACK_ID).knows(journey.managerEmail, "U0MANAGER");
        slack.clear();
    }

    @AfterAll
    static void stop() {
        slack.close();
    }

    @Test
    @Order(1)
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void messagesTheBuddyWithTheActionsButtonsAndAnnouncesTheFirstDayInTheChannel() throws Exception {
        // Given a journey whose buddy reads French and whose manager must never be notified
        firstInstance = runtime.startProcessInstanceByKey(PROCESS_KEY, journey.variables()).getId();

        // When its steps run
        EngineClock.runDueJobs(management, firstInstance);

        // Then the channel got the announcement with the hire's and the manager's names
        List<SlackStandIn.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).extracting(call -> call.field("channel"))
                .containsExactly("C0GENERAL", "D" + BUDDY_SLACK_ID, "D" + BUDDY_SLACK_ID);
        assertThat(posts.get(0).field("blocks")).contains("Ada Lovelace").contains("Grace Hopper");
        assertThat(posts).allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer xoxb-test-token"));
        // and the buddy, found by email once and remembered, got the announcement in French, then the action
        assertThat(slack.calls("users.lookupByEmail")).extracting(call -> call.field("email"))
                .containsExactly(journey.buddyEmail);
        assertThat(jdbc.sql("select slack_user_id from slack_member where email = :email")
                .param("email", journey.buddyEmail).query(String.class).single()).isEqualTo(BUDDY_SLACK_ID);
        assertThat(slack.calls("conversations.open")).extracting(call -> call.field("users"))
                .containsExactly(BUDDY_SLACK_ID, BUDDY_SLACK_ID);
        assertThat(posts.get(1).field("text")).startsWith("Ada Lovelace arrive le");
        // with the two buttons carrying the open task's id, labelled in French
        String taskId = tasks.createTaskQuery().processInstanceId(firstInstance).singleResult().getId();
        JsonNode actionBlocks = json.readTree(posts.get(2).field("blocks"));
        JsonNode buttons = actionBlocks.get(1).path("elements");
        assertThat(buttons.findValuesAsText("action_id")).containsExactly(SlackButtons.MARK_DONE,
                SlackButtons.OPEN_PAGE);
        assertThat(buttons.findValuesAsText("value")).containsExactly(taskId, taskId);
        assertThat(buttons.get(0).path("text").path("text").asText()).isEqualTo("Marquer comme fait");
        // and the manager, never to be notified, got nothing: no lookup, no message
        assertThat(slack.calls()).noneMatch(call -> call.form().containsValue(journey.managerEmail));
    }

    @Test
    @Order(2)
    void sendsNothingTwiceWhenANewEngineRunsTheSameStepsAgain() {
        // Given the first test's journey, its messages sent and this test on a new context (a restart)
        assertThat(firstInstance).isNotNull();

        // When its three messaging steps are run again, as a redelivered job would
        runtime.createProcessInstanceModification(firstInstance).startBeforeActivity("Task_AnnounceFirstDay").execute();
        int rerun = runServiceTaskJobs(firstInstance);

        // Then every step ran again, and Slack was sent nothing
        assertThat(rerun).isEqualTo(3);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        System.out.println("Slack after a restart: " + rerun + " steps run again, "
                + slack.calls("chat.postMessage").size() + " messages sent");
    }

    @Test
    @Order(3)
    void waitsOutAShortRetryAfterAndSendsOnce() {
        // Given Slack rate-limits the first message for one second
        slack.answerNext("chat.postMessage", 429, "1");
        String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, new NotifyTestJourney().variables()).getId();

        // When the announcement's job runs
        management.executeJob(jobOf(instance).getId());

        // Then it was posted on the second attempt, and only then
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(NotifyTestJourney.recorded(jdbc, List.of(instance + ":Task_AnnounceFirstDay:channel")))
                .containsValue("sent");
    }

    @Test
    @Order(4)
    void aLongRetryAfterFailsTheJobWhichDeliversOnceWhenRetried() {
        // Given Slack rate-limits the first message for two minutes
        slack.answerNext("chat.postMessage", 429, "120");
        String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, new NotifyTestJourney().variables()).getId();
        String jobId = jobOf(instance).getId();

        // When the job runs, fails, and is retried
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("Retry-After 120");
        int retriesLeft = management.createJobQuery().jobId(jobId).singleResult().getRetries();
        String key = instance + ":Task_AnnounceFirstDay:channel";
        Map<String, String> afterFailure = NotifyTestJourney.recorded(jdbc, List.of(key));
        management.setJobDuedate(jobId, null);
        management.executeJob(jobId);

        // Then the failure left no record, and the retry posted once
        assertThat(retriesLeft).isLessThan(3);
        assertThat(afterFailure).isEmpty();
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(NotifyTestJourney.recorded(jdbc, List.of(key))).containsEntry(key, "sent");
    }

    @Test
    @Order(5)
    void aRefusedMessageEndsAsAnIncidentAfterItsRetries() {
        // Given Slack refuses every attempt (the app is not in the channel)
        for (int i = 0; i < 3; i++) {
            slack.answerNext("chat.postMessage", 500, null);
        }
        String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, new NotifyTestJourney().variables()).getId();

        // When its job has run out of retries
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = jobOf(instance);
            management.setJobDuedate(job.getId(), null);
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 500");
        }

        // Then Cockpit shows an incident on the announcement
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).singleResult().getActivityId())
                .isEqualTo("Task_AnnounceFirstDay");
    }

    private Job jobOf(String instance) {
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }

    private int runServiceTaskJobs(String instance) {
        int executed = 0;
        for (int round = 0; round < 10; round++) {
            List<Job> due = SERVICE_TASKS.stream().flatMap(activity -> management.createJobQuery()
                    .processInstanceId(instance).activityId(activity).executable().list().stream()).toList();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        return executed;
    }
}
