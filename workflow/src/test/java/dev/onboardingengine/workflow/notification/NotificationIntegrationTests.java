package dev.onboardingengine.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Notifications through a real SMTP server (GreenMail) on real PostgreSQL. */
@EngineIntegrationTest
// Its own context (the mail server's port): closed after the class so it does not linger beside the others.
@DirtiesContext
class NotificationIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> greenMail.getSmtp().getBindTo());
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
        registry.add("onboarding.notifications.from", () -> "welcome@onboarding.example");
        // New hires are the other contexts' business.
        registry.add("onboarding.workflow.consume-new-hires", () -> "false");
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
    StakeholderNotifier notifier;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void deployTestProcess() throws Exception {
        NotifyTestJourney.deploy(repository);
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void mailsEachNotifiableStakeholderInTheirLanguageAndNeverTheOneWhoMustNotBeNotified() throws Exception {
        // Given a journey whose buddy reads French and whose manager must not be notified
        NotifyTestJourney journey = new NotifyTestJourney();
        String instance = runtime.startProcessInstanceByKey(NotifyTestJourney.PROCESS_KEY, journey.variables()).getId();

        // When its jobs run
        EngineClock.runDueJobs(management, instance);

        // Then the hire got the invitation in English
        MimeMessage invitation = single(journey.hireEmail);
        assertThat(invitation.getSubject()).isEqualTo("Welcome aboard, Ada!");
        assertThat(invitation.getFrom()[0].toString()).isEqualTo("welcome@onboarding.example");
        assertThat(body(invitation)).contains("Monday, December 7, 2026").contains("9:00");
        assertThat(runtime.getVariable(instance, "invitationSentAt")).isNotNull();

        // And the buddy the French announcement and the French action mail with the task's name and due date
        MimeMessage[] toBuddy = greenMail.getReceivedMessagesForDomain(journey.buddyEmail);
        assertThat(toBuddy).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Ada Lovelace arrive le lundi 7 décembre 2026",
                "Action d'intégration pour vous : " + NotifyTestJourney.TASK_NAME);
        MimeMessage action = subjectContaining(toBuddy, NotifyTestJourney.TASK_NAME);
        assertThat(action.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(journey.buddyEmail);
        assertThat(body(action)).startsWith("Bonjour Jean,").contains("échéance : lundi 7 décembre 2026");

        // And the manager nothing
        assertThat(greenMail.getReceivedMessagesForDomain(journey.managerEmail)).isEmpty();

        // And each mail is recorded once as sent
        Task lunch = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(lunch.getName()).isEqualTo(NotifyTestJourney.TASK_NAME);
        assertThat(NotifyTestJourney.recorded(jdbc, List.of(
                NotifyTestJourney.serviceTaskKey(instance, "Task_SendInvitation", "hire"),
                NotifyTestJourney.serviceTaskKey(instance, "Task_NotifyBuddy", "buddy"),
                NotifyTestJourney.serviceTaskKey(instance, "Task_NotifyManager", "manager"),
                lunch.getId())))
                .containsOnlyKeys(NotifyTestJourney.serviceTaskKey(instance, "Task_SendInvitation", "hire"),
                        NotifyTestJourney.serviceTaskKey(instance, "Task_NotifyBuddy", "buddy"), lunch.getId())
                .containsValues("sent");
    }

    @Test
    void aNotificationThatWentOutIsNeverSentAgain() throws Exception {
        // Given a journey whose notifications went out
        NotifyTestJourney journey = new NotifyTestJourney();
        String instance = runtime.startProcessInstanceByKey(NotifyTestJourney.PROCESS_KEY, journey.variables()).getId();
        EngineClock.runDueJobs(management, instance);
        assertThat(greenMail.getReceivedMessagesForDomain(journey.buddyEmail)).hasSize(2);
        String actionKey = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

        // When the buddy's step runs again (as after a restart or a retry that followed a success)
        runtime.createProcessInstanceModification(instance).startBeforeActivity("Task_NotifyBuddy").execute();
        Job again = management.createJobQuery().processInstanceId(instance).activityId("Task_NotifyBuddy")
                .singleResult();
        management.executeJob(again.getId());

        // And the notifier is asked again for both keys
        Recipient buddy = new Recipient("buddy", journey.buddyEmail, "Jean", "Dupont", "fr", true);
        notifier.send(new Notification(NotifyTestJourney.serviceTaskKey(instance, "Task_NotifyBuddy", "buddy"),
                "hire-announced", buddy, Map.of(), journey.employeeId, null));
        notifier.send(new Notification(actionKey, "action-assigned", buddy, Map.of(), journey.employeeId, null));

        // Then the buddy still has one mail of each
        assertThat(greenMail.getReceivedMessagesForDomain(journey.buddyEmail)).hasSize(2);
        assertThat(greenMail.getReceivedMessagesForDomain(journey.hireEmail)).hasSize(1);
    }

    private static MimeMessage single(String address) {
        MimeMessage[] messages = greenMail.getReceivedMessagesForDomain(address);
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    private static MimeMessage subjectContaining(MimeMessage[] messages, String text) throws Exception {
        for (MimeMessage message : messages) {
            if (message.getSubject().contains(text)) {
                return message;
            }
        }
        throw new AssertionError("No message with '" + text + "' in its subject");
    }

    private static String body(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }
}
