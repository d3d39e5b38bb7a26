package dev.onboardingengine.api.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import dev.onboardingengine.api.ApiIntegrationTest;

/**
 * What Modeler's Deploy button sends is checked by the engine: a diagram that references something the
 * engine does not have is refused with a 400 naming the element, and nothing of it is deployed.
 */
@ApiIntegrationTest
class ModelerDeploymentIntegrationTests {

    static final String DESIGNED = EngineRestDeployments.diagram("modeler/sequence-designed-in-modeler.bpmn");

    @LocalServerPort
    int port;

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
                        DESIGNED.replace("daysBeforeStart(execution, 3)}</bpmn:timeDate>", "daysAfterStart(execution, 3)}</bpmn:timeDate>"),
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
                        "Call_Missing", "sequence-does-not-exist"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("brokenDiagrams")
    void refusesADiagramThatReferencesWhatTheEngineDoesNotHave(String problem, String xml, String elementId, String detail) {
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
    void deploysADiagramDesignedWithTheTemplates() {
        // When the sequence made only with element templates is deployed
        ResponseEntity<Map<String, Object>> response = deployments().deploy("designed-" + UUID.randomUUID(),
                Map.of("sequence-designed-in-modeler.bpmn", DESIGNED));

        // Then it is accepted
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().get("deployedProcessDefinitions").toString()).contains("sequence-designed-in-modeler");
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
                """.formatted(element);
    }

    private EngineRestDeployments deployments() {
        return new EngineRestDeployments(port);
    }
}
