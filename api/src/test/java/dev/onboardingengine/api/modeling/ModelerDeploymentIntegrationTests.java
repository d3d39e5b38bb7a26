package dev.onboardingengine.api.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * What Modeler's Deploy button sends is checked by the engine: a diagram that references something the
 * engine does not have is refused with a 400 naming the element, and nothing of it is deployed.
 */
@ApiIntegrationTest
class ModelerDeploymentIntegrationTests {

    static final String DESIGNED = EngineRestDeployments.diagram("modeler/sequence-designed-in-modeler.bpmn");

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JourneyActions actions;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    static Stream<Arguments> brokenDiagrams() {
        return Stream.of(
                Arguments.of("an unknown delegate", DESIGNED.replace("${notifyStakeholder}", "${notifyEveryone}"),
                        "Task_NotifyHire", "notifyEveryone"),
                Arguments.of("a template version the engine does not ship",
                        DESIGNED.replace("onboarding.notify-stakeholder\" camunda:modelerTemplateVersion=\"1\"",
                                "onboarding.notify-stakeholder\" camunda:modelerTemplateVersion=\"7\""),
                        "Task_NotifyHire", "version 7"),
                Arguments.of("an unknown template", DESIGNED.replace("onboarding.assign-action", "acme.assign-laptop"),
                        "Task_ReadTheHandbook", "acme.assign-laptop"),
                Arguments.of("a timer on a method onboardingTime does not have",
                        DESIGNED.replace("daysBeforeStart(execution, 3)}</bpmn:timeDate>",
                                "daysAfterStart(execution, 3)}</bpmn:timeDate>"),
                        "Timer_ThreeDaysBeforeStart", "daysAfterStart"),
                Arguments.of("a due date with days that are not a number",
                        DESIGNED.replace("workday(execution, 2)", "workday(execution, two)"),
                        "Task_ReadTheHandbook", "number of days"),
                Arguments.of("an unknown journey status", singleTask(
                        "<bpmn:serviceTask id=\"Status_Onboarded\" camunda:delegateExpression=\"${journeyStatus}\">"
                                + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"status\">onboarded"
                                + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"),
                        "Status_Onboarded", "onboarded"),
                Arguments.of("a sequence key that is not deployed", singleTask(
                        "<bpmn:callActivity id=\"Call_Missing\" calledElement=\"sequence-does-not-exist\" />"),
                        "Call_Missing", "sequence-does-not-exist"),
                // Issue 15's probe: an expression reading the API-token table through the application's JdbcTemplate
                Arguments.of("an expression that reaches a bean of the application", singleTask(
                        "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\"${execution.setVariable('probe',"
                                + " jdbcTemplate.queryForList('select token_hash from api_token').toString())}\" />"),
                        "Task_Probe", "names 'jdbcTemplate', a bean of the application that diagrams cannot reach"),
                Arguments.of("an expression that climbs from the execution to the engine", singleTask(
                        "<bpmn:serviceTask id=\"Task_Climb\" camunda:expression=\"${execution.getProcessEngine()"
                                + ".getProcessEngineConfiguration().getDataSource().getConnection()}\" />"),
                        "Task_Climb", "calls getProcessEngine() on 'execution', which diagrams cannot reach"),
                Arguments.of("a listener expression that climbs from the task to the engine", singleTask(
                        "<bpmn:userTask id=\"Task_Listened\"><bpmn:extensionElements><camunda:taskListener event=\"create\""
                                + " expression=\"${task.execution.processEngineServices.runtimeService}\" />"
                                + "</bpmn:extensionElements></bpmn:userTask>"),
                        "Task_Listened", "reads 'execution' of 'task'"),
                Arguments.of("a script task", singleTask(
                        "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>1 + 1</bpmn:script>"
                                + "</bpmn:scriptTask>"),
                        "Task_Script", "onboarding.modeling.scripts-enabled"),
                Arguments.of("a script in an input", singleTask(
                        "<bpmn:serviceTask id=\"Task_ScriptedInput\" camunda:delegateExpression=\"${notifyStakeholder}\">"
                                + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"recipient\">"
                                + "<camunda:script scriptFormat=\"groovy\">'hire'</camunda:script></camunda:inputParameter>"
                                + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"),
                        "Task_ScriptedInput", "scripts are off"),
                Arguments.of("a Java class as delegate", singleTask(
                        "<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"java.lang.Object\" />"),
                        "Task_Class", "names the Java class java.lang.Object"),
                Arguments.of("a form that is neither deployed nor in the deployment", singleTask(
                        "<bpmn:userTask id=\"Task_FormNowhere\" camunda:formRef=\"form-nowhere\""
                                + " camunda:formRefBinding=\"latest\" />"),
                        "Task_FormNowhere", "form-nowhere"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("brokenDiagrams")
    void refusesADiagramThatReferencesWhatTheEngineDoesNotHave(String problem, String xml, String elementId,
            String detail) {
        // Given a diagram with a problem, and a deployment name nobody used
        String name = "refused-" + UUID.randomUUID();

        // When it is deployed as Modeler does
        ResponseEntity<Map<String, Object>> response = deployments().deploy(name, Map.of("broken.bpmn", xml));

        // Then it is refused, naming the element and the problem, and nothing is deployed
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat((String) response.getBody().get("message")).contains(elementId).contains(detail);
        assertThat(deployments().deploymentsNamed(name)).isZero();
    }

    @Test
    void refusesAFormTheTasklistOfCamunda724CannotRender() {
        // Given a Camunda Form with a file picker (form-js 1.11+), which Tasklist's form-js 1.8 does not know
        String name = "refused-form-" + UUID.randomUUID();
        String form = """
                {"id": "form-with-file-picker", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Field_Passport", "key": "passport", "label": "Passport", "type": "filepicker"}]}
                """;

        // When it is deployed as Modeler deploys a form
        ResponseEntity<Map<String, Object>> response = deployments().deploy(name,
                Map.of("with-file-picker.form", form));

        // Then it is refused, naming the form, the field and its type, and nothing is deployed
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat((String) response.getBody().get("message")).contains("form-with-file-picker")
                .contains("Field_Passport")
                .contains("filepicker").contains("onboarding.paperwork");
        assertThat(deployments().deploymentsNamed(name)).isZero();
    }

    @Test
    void deploysADiagramDesignedWithTheTemplates() {
        // When the sequence made only with element templates is deployed
        ResponseEntity<Map<String, Object>> response = deployments().deploy("designed-" + UUID.randomUUID(),
                Map.of("sequence-designed-in-modeler.bpmn", DESIGNED));

        // Then it is accepted
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().get("deployedProcessDefinitions").toString())
                .contains("sequence-designed-in-modeler");
    }

    @Test
    void acceptsACallToASequenceDeployedTogetherWithIt() {
        // Given a journey calling a sequence that only the same deployment brings
        String key = "sequence-brought-along-" + UUID.randomUUID().toString().substring(0, 8);
        String caller = singleTask("<bpmn:callActivity id=\"Call_BroughtAlong\" calledElement=\"" + key + "\" />")
                .replace("journey-modeler-check", "journey-calls-" + key);
        String callee = singleTask("<bpmn:task id=\"Task_Nothing\" />").replace("journey-modeler-check", key);

        // When both are deployed at once
        ResponseEntity<Map<String, Object>> response = deployments().deploy("together-" + UUID.randomUUID(),
                Map.of("caller.bpmn", caller, "callee.bpmn", callee));

        // Then the call is accepted
        assertThat(response.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aSequenceDesignedOnlyWithTemplatesNotifiesTheHireAndGivesThemTheirAction() {
        // Given the sequence made with element templates, deployed from Modeler, and its id in the catalogue
        assertThat(deployments().deploy("designed-" + UUID.randomUUID(),
                Map.of("sequence-designed-in-modeler.bpmn", DESIGNED)).getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> sequences = api().get().uri("/api/sequences/").retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        Object designed = sequences.stream().filter(s -> "Designed in Modeler".equals(s.get("name"))).findFirst()
                .orElseThrow().get("id");

        // When a hire starting on a Monday in three weeks (UTC) is created with it
        LocalDate startDay = LocalDate.now().plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String email = "modeler." + UUID.randomUUID() + "@example.com";
        Map<String, Object> hire = api().post().uri("/api/users/").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"first_name":"Mona","last_name":"Modeler","email":"%s","start_day":"%s","timezone":"UTC",
                         "sequences":[%s],"role":0}
                        """.formatted(email, startDay, designed))
                .retrieve().body(new ParameterizedTypeReference<>() {
                });
        long employeeId = ((Number) hire.get("id")).longValue();
        String key = Long.toString(employeeId);
        EngineClock.awaitJourneyAndRunDueJobs(management, runtime, key);

        // Then nothing of the sequence happens before its moment
        assertThat(actions.actionsOf(employeeId)).isEmpty();
        assertThat(templatesMailedTo(email)).doesNotContain("hire-announced");

        // When it is 09:00 UTC three days before the start day
        EngineClock.moveTo(startDay.minusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(1));
        EngineClock.runDueJobsOfJourney(management, runtime, key);

        // Then the hire got the notification and the action (whose create listener the engine added), due on workday 2
        assertThat(templatesMailedTo(email)).contains("hire-announced", "action-assigned");
        assertThat(actions.actionsOf(employeeId)).singleElement().satisfies(action -> {
            assertThat(action.sequenceKey()).isEqualTo("sequence-designed-in-modeler");
            assertThat(action.name()).isEqualTo("Read the handbook");
            assertThat(action.assigneeId()).isEqualTo(key);
            assertThat(action.due()).isEqualTo(startDay.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC));
            assertThat(action.isOpen()).isTrue();
        });
    }

    private List<String> templatesMailedTo(String email) {
        return jdbc.sql("select template from notification_sent where recipient = :email").param("email", email)
                .query(String.class).list();
    }

    private RestClient api() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Token " + ApiIntegrationTest.ADMIN_TOKEN).build();
    }

    /** A minimal executable process around one element, as a hand-made diagram. */
    static String singleTask(String element) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Check" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="journey-modeler-check" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start_Check" />
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """
                .formatted(element);
    }

    private EngineRestDeployments deployments() {
        return new EngineRestDeployments(port);
    }
}
