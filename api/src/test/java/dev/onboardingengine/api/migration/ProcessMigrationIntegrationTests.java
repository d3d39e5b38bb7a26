package dev.onboardingengine.api.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.modeling.EngineRestDeployments;

/**
 * A new version of a sequence applies to new hires; running ones move to it only when an admin
 * migrates them, and keep their waiting timers and open tasks when they do. Every other answer is a
 * 4xx: 403 for non-admins, 400 naming the field, 404 for a version not deployed, 409 for versions a
 * running instance cannot follow; never a 500.
 */
@ApiIntegrationTest
class ProcessMigrationIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    NewHireService hires;
    @Autowired
    ApiTokens tokens;

    @Test
    void migratesARunningSequenceToTheNewVersionKeepingItsTimerAndTask() {
        // Given version 1 of a sequence, deployed from Modeler, running for a hire with a pending timer and an open task
        String key = "sequence-migration-" + UUID.randomUUID().toString().substring(0, 8);
        EngineRestDeployments deployments = new EngineRestDeployments(port);
        assertThat(deployments.deploy(key + "-v1", Map.of(key + ".bpmn", sequence(key, "Prepare the desk")))
                .getStatusCode().value())
                .isEqualTo(200);
        ProcessInstance running = runtime.startProcessInstanceByKey(key, "424242", Map.of(
                "startDay", LocalDate.now().plusDays(20).toString(), "timeZone", "UTC", "managerId", "7"));
        Job timer = management.createJobQuery().processInstanceId(running.getId()).timers().singleResult();
        Task task = tasks.createTaskQuery().processInstanceId(running.getId()).singleResult();
        assertThat(timer).isNotNull();
        assertThat(task).isNotNull();

        // And version 2 deployed: new hires get it, the running one stays on version 1
        assertThat(
                deployments.deploy(key + "-v2", Map.of(key + ".bpmn", sequence(key, "Prepare the desk and the badge")))
                        .getStatusCode().value())
                .isEqualTo(200);
        int v1 = definitionVersion(running.getProcessDefinitionId());
        int v2 = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                .getVersion();
        assertThat(v2).isEqualTo(v1 + 1);
        assertThat(definitionVersion(instance(running).getProcessDefinitionId())).isEqualTo(v1);

        // When an admin migrates the running instances from version 1 to 2
        ResponseEntity<Map<String, Object>> migrated = api().post().uri("/api/admin/process-migrations")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("process_key", key, "from_version", v1, "to_version", v2))
                .retrieve().toEntity(new ParameterizedTypeReference<>() {
                });

        // Then it runs on version 2, with its timer still due at the same moment and the same task still open
        assertThat(migrated.getStatusCode().value()).isEqualTo(200);
        assertThat(migrated.getBody()).containsEntry("migrated_instances", 1);
        assertThat(definitionVersion(instance(running).getProcessDefinitionId())).isEqualTo(v2);
        Job timerAfter = management.createJobQuery().processInstanceId(running.getId()).timers().singleResult();
        assertThat(timerAfter).isNotNull();
        assertThat(timerAfter.getDuedate()).isEqualTo(timer.getDuedate());
        assertThat(tasks.createTaskQuery().processInstanceId(running.getId()).singleResult().getId())
                .isEqualTo(task.getId());
        assertThat(timerAfter.getDuedate()).isAfter(new Date());
    }

    @Test
    void answersNotFoundForAVersionThatIsNotDeployed() {
        int status = api().post().uri("/api/admin/process-migrations").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("process_key", "sequence-welcome", "from_version", 1, "to_version", 999))
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(404);
    }

    @Test
    void answersConflictWhenARunningInstanceWaitsWhereTheNewVersionCannot() {
        // Given a running instance waiting at a task that version 2 no longer has
        String key = "sequence-unmappable-" + UUID.randomUUID().toString().substring(0, 8);
        EngineRestDeployments deployments = new EngineRestDeployments(port);
        assertThat(deployments.deploy(key + "-v1", Map.of(key + ".bpmn", sequence(key, "Prepare the desk")))
                .getStatusCode().value())
                .isEqualTo(200);
        runtime.startProcessInstanceByKey(key, "434343", Map.of(
                "startDay", LocalDate.now().plusDays(20).toString(), "timeZone", "UTC", "managerId", "7"));
        assertThat(deployments.deploy(key + "-v2",
                Map.of(key + ".bpmn",
                        """
                                <?xml version="1.0" encoding="UTF-8"?>
                                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Unmappable"
                                    targetNamespace="http://bpmn.io/schema/bpmn">
                                  <bpmn:process id="%s" name="Migration check" isExecutable="true" camunda:historyTimeToLive="P1D">
                                    <bpmn:startEvent id="Start_SequenceApplied" />
                                    <bpmn:userTask id="Task_SomethingElse" name="Something else" camunda:assignee="${managerId}" />
                                    <bpmn:endEvent id="End_Done" />
                                    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Start_SequenceApplied" targetRef="Task_SomethingElse" />
                                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_SomethingElse" targetRef="End_Done" />
                                  </bpmn:process>
                                </bpmn:definitions>
                                """
                                .formatted(key)))
                .getStatusCode().value()).isEqualTo(200);

        // When an admin migrates, the answer is 409 with Camunda's reason, and nothing moved
        Answer answer = migrate(ApiIntegrationTest.ADMIN_TOKEN, """
                {"process_key":"%s","from_version":1,"to_version":2}""".formatted(key));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).contains("Task_PrepareDesk");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(repository.createProcessDefinitionQuery()
                .processDefinitionKey(key).processDefinitionVersion(1).singleResult().getId()).count())
                .isEqualTo(1);
    }

    @Test
    void answersBadRequestNamingTheFieldForBodiesThatAreNotAMigration() {
        assertThat(migrate(ApiIntegrationTest.ADMIN_TOKEN, "{}")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"process_key\"", "\"from_version\"", "\"to_version\"");
        });
        assertThat(migrate(ApiIntegrationTest.ADMIN_TOKEN,
                "{\"process_key\":\"sequence-welcome\",\"from_version\":\"one\"}"))
                .satisfies(answer -> {
                    assertThat(answer.status()).isEqualTo(400);
                    assertThat(answer.body()).contains("\"from_version\"");
                });
        assertThat(migrate(ApiIntegrationTest.ADMIN_TOKEN,
                "{\"process_key\":\"sequence-welcome\",\"from_version\":1,\"to_version\":1}")).satisfies(answer -> {
                    assertThat(answer.status()).isEqualTo(400);
                    assertThat(answer.body()).contains("\"to_version\"");
                });
        assertThat(migrate(ApiIntegrationTest.ADMIN_TOKEN, "{not json").status()).isEqualTo(400);
        assertThat(migrate(ApiIntegrationTest.ADMIN_TOKEN, "").status()).isEqualTo(400);
    }

    @Test
    void answersForbiddenToCallersWhoAreNotAdministrators() {
        Employee hr = hires.hire(NewHire.builder().firstName("Hera").lastName("Hr")
                .email("hera." + UUID.randomUUID() + "@example.com").role(EmployeeRole.HR).build(), null);
        String token = tokens.issue(hr, null);

        assertThat(
                migrate(token, "{\"process_key\":\"sequence-welcome\",\"from_version\":1,\"to_version\":2}").status())
                .isEqualTo(403);
        assertThat(migrate(token, "{}").status()).isEqualTo(403);
    }

    private Answer migrate(String token, String body) {
        return RestClient.create("http://localhost:" + port).post().uri("/api/admin/process-migrations")
                .header("Authorization", "Token " + token).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes())));
    }

    record Answer(int status, String body) {
    }

    private ProcessInstance instance(ProcessInstance running) {
        return runtime.createProcessInstanceQuery().processInstanceId(running.getId()).singleResult();
    }

    private int definitionVersion(String processDefinitionId) {
        return repository.getProcessDefinition(processDefinitionId).getVersion();
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
    }

    /** A sequence with a timer two days before the start in parallel with the manager's task. */
    private static String sequence(String key, String taskName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Migration" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" name="Migration check" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start_SequenceApplied" />
                    <bpmn:parallelGateway id="Gateway_Fork" />
                    <bpmn:intermediateCatchEvent id="Timer_TwoDaysBeforeStart">
                      <bpmn:timerEventDefinition id="TimerDefinition_TwoDaysBeforeStart">
                        <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${onboardingTime.daysBeforeStart(execution, 2)}</bpmn:timeDate>
                      </bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:userTask id="Task_PrepareDesk" name="%s" camunda:assignee="${managerId}"
                        camunda:dueDate="${onboardingTime.daysBeforeStart(execution, 1)}" />
                    <bpmn:endEvent id="End_Waited" />
                    <bpmn:endEvent id="End_Prepared" />
                    <bpmn:sequenceFlow id="Flow_ToFork" sourceRef="Start_SequenceApplied" targetRef="Gateway_Fork" />
                    <bpmn:sequenceFlow id="Flow_ToTimer" sourceRef="Gateway_Fork" targetRef="Timer_TwoDaysBeforeStart" />
                    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Gateway_Fork" targetRef="Task_PrepareDesk" />
                    <bpmn:sequenceFlow id="Flow_TimerToEnd" sourceRef="Timer_TwoDaysBeforeStart" targetRef="End_Waited" />
                    <bpmn:sequenceFlow id="Flow_TaskToEnd" sourceRef="Task_PrepareDesk" targetRef="End_Prepared" />
                  </bpmn:process>
                </bpmn:definitions>
                """
                .formatted(key, taskName);
    }
}
