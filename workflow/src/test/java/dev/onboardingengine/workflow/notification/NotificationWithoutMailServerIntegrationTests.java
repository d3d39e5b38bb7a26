package dev.onboardingengine.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.onboardingengine.workflow.testing.EngineClock;
import dev.onboardingengine.workflow.testing.EngineIntegrationTest;

/** The embedded default: no spring.mail.host, so nothing is mailed and the journey goes on. */
@EngineIntegrationTest
class NotificationWithoutMailServerIntegrationTests {

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

    @Test
    void withoutAMailServerNotificationsAreRecordedAsSkippedAndTheJourneyGoesOn() {
        // Given no mail server configured
        NotifyTestJourney.deploy(repository);
        NotifyTestJourney journey = new NotifyTestJourney();
        String instance = runtime.startProcessInstanceByKey(NotifyTestJourney.PROCESS_KEY, journey.variables()).getId();

        // When the journey's jobs run
        EngineClock.runDueJobs(management, instance);

        // Then it reached the buddy's action, and every notification owed is recorded as skipped
        Task lunch = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(lunch.getTaskDefinitionKey()).isEqualTo("Task_BookWelcomeLunch");
        assertThat(NotifyTestJourney.recorded(jdbc, List.of(
                NotifyTestJourney.serviceTaskKey(instance, "Task_SendInvitation", "hire"),
                NotifyTestJourney.serviceTaskKey(instance, "Task_NotifyBuddy", "buddy"),
                NotifyTestJourney.serviceTaskKey(instance, "Task_NotifyManager", "manager"),
                lunch.getId())))
                .containsOnlyKeys(NotifyTestJourney.serviceTaskKey(instance, "Task_SendInvitation", "hire"),
                        NotifyTestJourney.serviceTaskKey(instance, "Task_NotifyBuddy", "buddy"), lunch.getId())
                .containsValues("skipped")
                .doesNotContainValue("sent");
    }
}
