package dev.onboardingengine.processes.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The official checks Camunda Modeler runs, from the build (processes/modeler-test/lint.mjs in Node.js):
 * the element templates against @camunda/element-templates-json-schema through
 * @bpmn-io/element-templates-validator, the validator of Modeler's template loader; every shipped diagram
 * through bpmnlint's recommended rules and bpmnlint-plugin-camunda-compat's rules for Camunda 7.24. Each
 * check is also shown to fail on a broken input, so a validator that silently ran nothing would be seen.
 */
class ModelerValidatorsTests {

    private static final Duration LINT_TIMEOUT = Duration.ofMinutes(2);
    private static final Path TEMPLATES = Path.of("element-templates", "onboarding-engine.json");
    private static final Path PROCESSES = Path.of("src", "main", "resources", "processes");
    private static final Path SCRATCH = Path.of("target", "modeler-validators");

    private static ModelerToolchain toolchain;

    @BeforeAll
    static void installModelersLibraries() throws IOException {
        toolchain = ModelerToolchain.prepared();
        Files.createDirectories(SCRATCH);
    }

    @Test
    void theShippedTemplatesValidateAgainstTheElementTemplatesSchema() throws IOException {
        // When the validator reads the templates file HR copies into Modeler
        JsonNode result = lint("--templates", TEMPLATES.toAbsolutePath().toString());

        // Then it is the schema Modeler 5.50.1 ships, and no template breaks it
        assertThat(result.path("schema").asText()).isEqualTo("@camunda/element-templates-json-schema@0.22.0");
        assertThat(result.path("templates")).singleElement()
                .satisfies(file -> assertThat(file.path("errors")).as(file.toPrettyString()).isEmpty());
    }

    @Test
    void aTemplateThatBreaksTheSchemaIsReported() throws IOException {
        // Given a template whose dropdown has no choices and whose binding type does not exist
        Path broken = SCRATCH.resolve("broken-templates.json");
        Files.writeString(broken,
                """
                        [{"$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
                          "name": "Broken", "id": "onboarding.broken", "version": 1, "appliesTo": ["bpmn:Task"],
                          "properties": [{"label": "Owner", "type": "Dropdown", "binding": {"type": "camunda:nowhere", "name": "x"}}]}]
                        """);

        // When it is validated
        JsonNode result = lint("--templates", broken.toAbsolutePath().toString());

        // Then the validator names it
        assertThat(result.path("templates").get(0).path("errors")).isNotEmpty();
    }

    @Test
    void everyShippedDiagramPassesBpmnlintForCamunda724() throws IOException {
        // Given every diagram the engine deploys
        List<String> arguments = new ArrayList<>(List.of("--diagrams"));
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            files.filter(file -> file.toString().endsWith(".bpmn")).sorted()
                    .forEach(file -> arguments.add(file.toAbsolutePath().toString()));
        }
        assertThat(arguments).hasSizeGreaterThan(5);

        // When bpmnlint checks them
        JsonNode result = lint(arguments.toArray(String[]::new));

        // Then none has a report, not even a warning (the journey's two fake joins are explicit merges now)
        assertThat(result.path("diagrams")).hasSize(arguments.size() - 1)
                .allSatisfy(diagram -> assertThat(diagram.path("reports")).as(diagram.path("file").asText()).isEmpty());
    }

    @Test
    void aFakeJoinIsReported() throws IOException {
        // Given a task that two flows enter without a gateway
        Path fakeJoin = SCRATCH.resolve("sequence-fake-join.bpmn");
        Files.writeString(fakeJoin,
                """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_FakeJoin"
                            targetNamespace="http://bpmn.io/schema/bpmn">
                          <bpmn:process id="sequence-fake-join" name="Fake join" isExecutable="true">
                            <bpmn:startEvent id="Start_Split" name="Start"><bpmn:outgoing>Flow_A</bpmn:outgoing></bpmn:startEvent>
                            <bpmn:parallelGateway id="Gateway_Split" name="Split"><bpmn:incoming>Flow_A</bpmn:incoming>
                              <bpmn:outgoing>Flow_B</bpmn:outgoing><bpmn:outgoing>Flow_C</bpmn:outgoing></bpmn:parallelGateway>
                            <bpmn:task id="Task_Joined" name="Joined"><bpmn:incoming>Flow_B</bpmn:incoming>
                              <bpmn:incoming>Flow_C</bpmn:incoming><bpmn:outgoing>Flow_D</bpmn:outgoing></bpmn:task>
                            <bpmn:endEvent id="End_Joined" name="End"><bpmn:incoming>Flow_D</bpmn:incoming></bpmn:endEvent>
                            <bpmn:sequenceFlow id="Flow_A" sourceRef="Start_Split" targetRef="Gateway_Split" />
                            <bpmn:sequenceFlow id="Flow_B" sourceRef="Gateway_Split" targetRef="Task_Joined" />
                            <bpmn:sequenceFlow id="Flow_C" sourceRef="Gateway_Split" targetRef="Task_Joined" />
                            <bpmn:sequenceFlow id="Flow_D" sourceRef="Task_Joined" targetRef="End_Joined" />
                          </bpmn:process>
                        </bpmn:definitions>
                        """);

        // When it is linted
        JsonNode result = lint("--diagrams", fakeJoin.toAbsolutePath().toString());

        // Then bpmnlint reports the fake join on the task
        assertThat(result.path("diagrams").get(0).path("reports").findValuesAsText("rule")).contains("fake-join");
        assertThat(result.path("diagrams").get(0).path("reports").findValuesAsText("id")).contains("Task_Joined");
    }

    private static JsonNode lint(String... arguments) throws IOException {
        return new ObjectMapper().readTree(toolchain.node(LINT_TIMEOUT, "lint.mjs", arguments));
    }
}
