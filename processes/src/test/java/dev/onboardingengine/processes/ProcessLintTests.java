package dev.onboardingengine.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every diagram this module ships, so a broken or half-configured journey fails the build
 * instead of failing at deploy time or, worse, in the middle of someone's onboarding.
 */
class ProcessLintTests {

    private static final Path PROCESSES = Path.of("src/main/resources/processes");
    private static final Path ELEMENT_TEMPLATES = Path.of("element-templates/onboarding-engine.json");
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    /** The delegates the engine provides (beans in the workflow module). */
    private static final Set<String> KNOWN_DELEGATES = Set.of("${journeyStatus}", "${sendInvitation}",
            "${addedSequencesDone}", "${notifyStakeholder}");

    private static final Set<String> JOURNEY_STATUSES = Set.of("draft", "scheduled", "invitation_sent", "in_progress",
            "closed", "cancelled");

    /** Ids Modeler generates (Activity_0abc123, UserTask_1): they say nothing in tests or in Cockpit. */
    private static final Pattern GENERATED_ID = Pattern
            .compile("^(Activity|Task|UserTask|ServiceTask|Event|Gateway|Flow|StartEvent|EndEvent)_[0-9a-z]{1,7}$");

    static Stream<Path> diagrams() throws IOException {
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            List<Path> bpmn = files.filter(p -> p.toString().endsWith(".bpmn")).toList();
            assertThat(bpmn).as("diagrams under %s", PROCESSES).isNotEmpty();
            return bpmn.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void parsesAndValidatesAgainstTheBpmnSchema(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        Bpmn.validateModel(model);
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void processesAreExecutableWithAMeaningfulKeyAndHistoryTimeToLive(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
            assertThat(process.getId()).as("process key").matches("(journey|sequence)-[a-z0-9-]+");
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s history time to live", process.getId())
                    .isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void serviceTasksUseAKnownDelegate(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaDelegateExpression()).as("delegate of %s", task.getId()).isIn(KNOWN_DELEGATES);
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void elementTemplatesAreOnesThisModuleShips(Path diagram) throws IOException {
        Set<String> shipped = shippedTemplates();
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            String template = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
            if (template != null) {
                String version = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion");
                assertThat(template + "@" + version).as("element template of %s", element.getId()).isIn(shipped);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void notificationsAreAsynchronousWithARecipientAndATemplate(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        List<ServiceTask> notifications = model.getModelElementsByType(ServiceTask.class).stream()
                .filter(task -> "${notifyStakeholder}".equals(task.getCamundaDelegateExpression()))
                .toList();
        for (ServiceTask notification : notifications) {
            // Synchronous, a failing mail server would roll back the journey step instead of making a retried job.
            assertThat(notification.isCamundaAsyncBefore()).as("%s is asyncBefore", notification.getId()).isTrue();
            assertThat(inputs(notification, "recipient")).as("recipient of %s", notification.getId())
                    .singleElement().isIn("hire", "buddy", "manager", "hr");
            assertThat(inputs(notification, "template")).as("template of %s", notification.getId())
                    .singleElement().asString().isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void userTasksTellTheirOwnerWhenCreated(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        for (org.camunda.bpm.model.bpmn.instance.UserTask task : model
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
            List<org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener> listeners = task
                    .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                    .flatMap(ext -> ext.getElementsQuery()
                            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class).list()
                            .stream())
                    .toList();
            assertThat(listeners).as("create listener of %s", task.getId())
                    .anyMatch(listener -> "create".equals(listener.getCamundaEvent())
                            && "${actionNotifier}".equals(listener.getCamundaDelegateExpression()));
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void statusMilestonesAreOneOfTheSixJourneyStatuses(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        List<ServiceTask> milestones = model.getModelElementsByType(ServiceTask.class).stream()
                .filter(task -> "${journeyStatus}".equals(task.getCamundaDelegateExpression()))
                .toList();
        for (ServiceTask milestone : milestones) {
            List<String> statuses = milestone
                    .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                    .flatMap(ext -> ext.getElementsQuery()
                            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).list()
                            .stream())
                    .flatMap(io -> io.getCamundaInputParameters().stream())
                    .filter(parameter -> "status".equals(parameter.getCamundaName()))
                    .map(CamundaInputParameter::getTextContent)
                    .map(String::trim)
                    .toList();
            assertThat(statuses).as("status of milestone %s", milestone.getId()).singleElement().isIn(JOURNEY_STATUSES);
        }
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void userTasksHaveAnOwnerAnAssigneeAndADueDate(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        for (org.camunda.bpm.model.bpmn.instance.UserTask task : model
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
            assertThat(task.getCamundaAssignee()).as("assignee of %s", task.getId()).isNotBlank();
            assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
            List<String> owners = task
                    .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                    .flatMap(ext -> ext.getElementsQuery()
                            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).list()
                            .stream())
                    .flatMap(io -> io.getCamundaInputParameters().stream())
                    .filter(parameter -> "owner".equals(parameter.getCamundaName()))
                    .map(parameter -> parameter.getTextContent().trim())
                    .toList();
            assertThat(owners).as("owner of %s", task.getId()).singleElement().isIn("hire", "buddy", "manager", "hr");
        }
    }

    private static List<String> inputs(org.camunda.bpm.model.bpmn.instance.BaseElement element, String name) {
        return element.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).stream()
                .flatMap(ext -> ext.getElementsQuery()
                        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).list()
                        .stream())
                .flatMap(io -> io.getCamundaInputParameters().stream())
                .filter(parameter -> name.equals(parameter.getCamundaName()))
                .map(parameter -> parameter.getTextContent().trim())
                .toList();
    }

    /** id@version of each template in the shipped file (this module has no JSON library: the ids are simple). */
    private static Set<String> shippedTemplates() throws IOException {
        String json = Files.readString(ELEMENT_TEMPLATES);
        java.util.regex.Matcher template = Pattern.compile("\"id\":\\s*\"([^\"]+)\",\\s*\"version\":\\s*(\\d+)")
                .matcher(json);
        Set<String> shipped = new java.util.HashSet<>();
        while (template.find()) {
            shipped.add(template.group(1) + "@" + template.group(2));
        }
        assertThat(shipped).as("templates in %s", ELEMENT_TEMPLATES).hasSizeGreaterThanOrEqualTo(7);
        return shipped;
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void elementIdsAreMeaningful(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            assertThat(element.getId()).as("id of %s '%s'", element.getElementType().getTypeName(), element.getName())
                    .doesNotMatch(GENERATED_ID);
        }
    }
}
