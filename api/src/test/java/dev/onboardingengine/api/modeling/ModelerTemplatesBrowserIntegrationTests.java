package dev.onboardingengine.api.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.notification.OwnMailContext;
import dev.onboardingengine.processes.modeler.ModelerSession;
import dev.onboardingengine.processes.modeler.ModelerToolchain;
import dev.onboardingengine.workflow.action.JourneyActions;
import dev.onboardingengine.workflow.testing.EngineClock;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * HR designs in Camunda Modeler with Modeler's own code, and the engine runs what it made. Headless
 * Chromium runs bpmn-js, bpmn-js-properties-panel, camunda-bpmn-js-behaviors and bpmn-js-element-templates
 * at the versions Camunda Modeler 5.50.1 ships (processes/modeler-test, {@link ModelerSession}). For every
 * shipped element template the test creates an element, applies the template with
 * bpmn-js-element-templates, fills each field in the properties panel (typing, choosing), saves the XML,
 * and deploys it to this engine through {@code /engine-rest/deployment/create} as Modeler's Deploy button
 * does ({@link EngineRestDeployments}: the fields of Modeler's CamundaAPI.js, HTTP Basic). A hire then runs
 * through it on a real SMTP server (GreenMail): invitation and status, the sequence called, the hire told,
 * the buddy's action with its due date, a form and a document created, each owner mailed.
 */
@ApiIntegrationTest
@DirtiesContext
class ModelerTemplatesBrowserIntegrationTests {

    private static final String TOPICS = "modeler-test-" + UUID.randomUUID();
    private static final Path SCREENSHOTS = Path.of("target", "modeler-screenshots");
    private static final String SEQUENCE_KEY = "sequence-made-in-modeler";
    private static final String FORM_ID = "form-made-in-modeler";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServerAndOwnTopics(DynamicPropertyRegistry registry) {
        OwnMailContext.register(registry, smtp, TOPICS);
    }

    private static ModelerSession modeler;
    private static final Set<String> appliedTemplates = new TreeSet<>();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JourneyActions actions;
    @Autowired
    ProcessEngine engine;

    @BeforeAll
    static void openModeler() throws IOException {
        modeler = ModelerSession.open(ModelerToolchain.prepared(), shippedTemplates());
    }

    @AfterAll
    static void closeModeler() {
        if (modeler != null) {
            modeler.close();
        }
    }

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void aJourneyAndASequenceMadeFromEveryTemplateInModelerDeployAndRunAHire() throws Exception {
        // Given a sequence and a journey drawn in Modeler from the shipped templates, deployed as Modeler does
        String sequence = drawTheSequence();
        ResponseEntity<Map<String, Object>> sequenceDeployed = deployments().deploy(SEQUENCE_KEY,
                Map.of(SEQUENCE_KEY + ".bpmn", sequence, FORM_ID + ".form", FORM));
        assertThat(sequenceDeployed.getStatusCode().value()).as(String.valueOf(sequenceDeployed.getBody()))
                .isEqualTo(200);
        String journey = drawTheJourney();
        ResponseEntity<Map<String, Object>> journeyDeployed = deployments().deploy("journey-secondment",
                Map.of("journey-secondment.bpmn", journey));
        assertThat(journeyDeployed.getStatusCode().value()).as(String.valueOf(journeyDeployed.getBody()))
                .isEqualTo(200);
        // (every shipped template, at its latest version, was applied)
        assertThat(appliedTemplates).isEqualTo(latestTemplateIds());

        // and a buddy, and a hire starting on a Monday in three weeks, on a secondment track with that buddy
        WorkeloClient workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String buddyEmail = "bea." + suffix + "@example.com";
        String hireEmail = "mona." + suffix + "@example.com";
        Answer buddy = workelo.post("/employees", """
                {"first_name": "Bea", "last_name": "Buddy", "email": "%s"}""".formatted(buddyEmail));
        assertThat(buddy.status()).as(buddy.toString()).isEqualTo(201);
        LocalDate startDay = LocalDate.now().plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

        // When the track is created
        Answer track = workelo.post("/tracks", """
                {"mobility": "secondment", "start_date": "%s",
                 "employee": {"first_name": "Mona", "last_name": "Modeler", "email": "%s"},
                 "implications": {"buddy_id": %d}}""".formatted(startDay, hireEmail, buddy.id()));
        assertThat(track.status()).as(track.toString()).isEqualTo(201);
        long hire = ((Number) track.body().get("employee_id")).longValue();
        String key = Long.toString(hire);
        EngineClock.runDueJobsOfJourney(management, runtime, key);

        // Then the hire is invited, the status is set, and the sequence is called with the journey's business key
        assertThat(subjectsTo(hireEmail)).containsExactly("Welcome aboard, Mona!");
        assertThat(workelo.get("/tracks/" + track.id()).body()).containsEntry("status", "invitation_sent");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SEQUENCE_KEY)
                .processInstanceBusinessKey(key).count()).isEqualTo(1);
        assertThat(actions.actionsOf(hire)).isEmpty();

        // When it is 09:00 UTC three days before the start day
        EngineClock.moveTo(startDay.minusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(1));
        EngineClock.runDueJobsOfJourney(management, runtime, key);

        // Then the hire is told, and the buddy has the action, due on workday 1, and was mailed about it
        assertThat(subjectsTo(hireEmail)).anyMatch(subject -> subject.startsWith("Mona Modeler starts on "));
        assertThat(actions.actionsOf(hire)).singleElement().satisfies(action -> {
            assertThat(action.name()).isEqualTo("Show Mona around");
            assertThat(action.sequenceKey()).isEqualTo(SEQUENCE_KEY);
            assertThat(action.assigneeId()).isEqualTo(Long.toString(buddy.id()));
            assertThat(action.due()).isEqualTo(startDay.atTime(9, 0).toInstant(ZoneOffset.UTC));
        });
        assertThat(subjectsTo(buddyEmail)).containsExactly("Onboarding action for you: Show Mona around");

        // When the buddy has done it and it is workday 2
        String showAround = actions.actionsOf(hire).get(0).id();
        Answer done = workelo.call(org.springframework.http.HttpMethod.POST, "/api/actions/" + showAround + "/complete",
                null);
        assertThat(done.status()).as(done.toString()).isBetween(200, 204);
        EngineClock.moveTo(startDay.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(1));
        EngineClock.runDueJobsOfJourney(management, runtime, key);

        // Then the hire has a form and a document, each an action due on workday 3 that the engine mailed them about
        Instant workday3 = startDay.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC);
        assertThat(actions.actionsOf(hire)).filteredOn(action -> action.isOpen())
                .extracting(action -> action.name(), action -> action.assigneeId(), action -> action.due())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Your T-shirt size", key, workday3),
                        org.assertj.core.groups.Tuple.tuple("Read the handbook", key, workday3));
        assertThat(workelo.get("/tracks/" + track.id() + "/forms").list()).singleElement()
                .satisfies(form -> assertThat(form.toString()).contains("Your T-shirt size"));
        assertThat(workelo.get("/tracks/" + track.id() + "/documents").list()).singleElement()
                .satisfies(document -> assertThat(document).containsEntry("name", "Employee handbook")
                        .containsEntry("owner_id", ((Number) hire).intValue())
                        .containsEntry("due_date", workday3.toString()));
        assertThat(subjectsTo(hireEmail)).contains("Onboarding action for you: Your T-shirt size",
                "Onboarding action for you: Read the handbook");
    }

    @Test
    void aCallMadeWithCallSequenceVersion1IsRefusedWithTheFix() {
        // Given a journey whose call activity got the first version of "Call sequence", as older diagrams have it
        modeler.newDiagram();
        process("journey-old-call", "Old call");
        String call = modeler.applyTemplate(modeler.append(modeler.startEvent(), "bpmn:Task", null),
                "onboarding.call-sequence", 1);
        modeler.select(call);
        modeler.fill("Sequence key", "sequence-welcome");
        String xml = modeler.xml();
        assertThat(xml).contains("<camunda:in />");

        // When it is deployed
        ResponseEntity<Map<String, Object>> response = deployments().deploy("old-call-" + UUID.randomUUID(),
                Map.of("journey-old-call.bpmn", xml));

        // Then it is refused, naming the element and what to do
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat((String) response.getBody().get("message")).contains(call)
                .contains("update the template to version 2");
    }

    /**
     * The sequence: 3 days before the start the hire is told, the channel gets the announcement and the buddy
     * gets an action; on workday 2 the
     * hire gets a form and a document.
     */
    private String drawTheSequence() {
        modeler.newDiagram();
        process(SEQUENCE_KEY, "Made in Modeler");

        String wait = apply(
                modeler.append(modeler.startEvent(), "bpmn:IntermediateCatchEvent", "bpmn:TimerEventDefinition"),
                "onboarding.wait-days-before-start", "3 days before the start");
        modeler.fill("Days before the start day", "3");
        timerDate("${onboardingTime.daysBeforeStart(execution, 3)}");

        apply(modeler.append(wait, "bpmn:Task", null), "onboarding.notify-stakeholder", "Tell the hire");
        modeler.fill("Recipient", "hire");
        modeler.fill("Message template", "hire-announced");
        modeler.fill("Channel", "email");
        String notify = selected();

        // (Slack is not connected here: the announcement is recorded as skipped and the sequence goes on)
        String announce = apply(modeler.append(notify, "bpmn:Task", null), "onboarding.post-to-channel",
                "Announce the first day");
        modeler.fill("Slack channel", "C0GENERAL1");
        modeler.fill("Message template", "first-day-announcement");

        String action = apply(modeler.append(announce, "bpmn:Task", null), "onboarding.assign-action",
                "Show Mona around");
        modeler.fill("Owner", "buddy");
        modeler.fill("Assignee", "${buddyId}");
        modeler.fill("Due", "${onboardingTime.workday(execution, 1)}");
        modeler.fill("Notify by", "email");

        String workday = apply(modeler.append(action, "bpmn:IntermediateCatchEvent", "bpmn:TimerEventDefinition"),
                "onboarding.wait-workday", "Workday 2");
        modeler.fill("Workday", "2");
        timerDate("${onboardingTime.workday(execution, 2)}");

        String split = modeler.append(workday, "bpmn:ParallelGateway", null);
        String form = apply(modeler.append(split, "bpmn:Task", null), "onboarding.fill-form", "Your T-shirt size");
        modeler.fill("Owner", "hire");
        modeler.fill("Assignee", "${hireId}");
        modeler.fill("Due", "${onboardingTime.workday(execution, 3)}");
        modeler.fill("Form id", FORM_ID);
        modeler.fill("Validation", "none");
        modeler.append(form, "bpmn:EndEvent", null);

        String document = apply(modeler.append(split, "bpmn:Task", null), "onboarding.acknowledge-document",
                "Read the handbook");
        modeler.fill("Owner", "hire");
        modeler.fill("Assignee", "${hireId}");
        modeler.fill("Due", "${onboardingTime.workday(execution, 3)}");
        modeler.fill("Document key", "employee-handbook");
        modeler.append(document, "bpmn:EndEvent", null);

        // (README's picture of the properties panel with an applied template: docs/images/modeler-assign-action.png)
        modeler.script("const canvas = modeler.get('canvas'); canvas.zoom('fit-viewport', 'auto');"
                + " canvas.zoom(canvas.zoom() * 0.9, 'auto'); canvas.scroll({ dx: 40, dy: 0 });");
        modeler.select(action);
        modeler.screenshot(SCREENSHOTS.resolve("modeler-assign-action.png"));
        return modeler.xml();
    }

    /** A journey of a new mobility: invite, mark it, run the sequence, close. */
    private String drawTheJourney() {
        modeler.newDiagram();
        process("journey-secondment", "Secondment journey");
        String invite = apply(modeler.append(modeler.startEvent(), "bpmn:Task", null), "onboarding.send-invitation",
                "Invite the hire");
        String invited = apply(modeler.append(invite, "bpmn:Task", null), "onboarding.set-journey-status", "Invited");
        modeler.fill("Status", "invitation_sent");
        String call = apply(modeler.append(invited, "bpmn:Task", null), "onboarding.call-sequence", "Run the sequence");
        modeler.fill("Sequence key", SEQUENCE_KEY);
        String closed = apply(modeler.append(call, "bpmn:Task", null), "onboarding.set-journey-status", "Closed");
        modeler.fill("Status", "closed");
        modeler.append(closed, "bpmn:EndEvent", null);
        return modeler.xml();
    }

    /** The process as HR sets it up: id, name, executable, history time to live. */
    private static void process(String id, String name) {
        modeler.selectProcess();
        modeler.fill("ID", id);
        modeler.fill("Name", name);
        modeler.fill("Executable", "true");
        modeler.fill("Time to live", "P30D");
    }

    private String apply(String elementId, String templateId, String name) {
        String id = modeler.applyTemplate(elementId, templateId);
        appliedTemplates.add(templateId);
        modeler.select(id);
        modeler.fill("Name", name);
        return id;
    }

    private String selected() {
        return modeler.selectedElement();
    }

    /** The timer's Date, in the Timer section the wait templates keep visible. */
    private static void timerDate(String expression) {
        modeler.fill("Type", "timeDate");
        modeler.fill("Value", expression);
    }

    private List<String> subjectsTo(String email) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().contains(email))) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    /** Modeler's endpoint for this context's engine, which has a name of its own (see OwnMailContext). */
    private EngineRestDeployments deployments() {
        return new EngineRestDeployments(port, engine.getName());
    }

    private static String shippedTemplates() throws IOException {
        return new ClassPathResource("element-templates/onboarding-engine.json")
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static Set<String> latestTemplateIds() throws IOException {
        Map<String, Integer> latest = new LinkedHashMap<>();
        for (JsonNode template : new ObjectMapper().readTree(shippedTemplates())) {
            latest.merge(template.path("id").asText(), template.path("version").asInt(), Math::max);
        }
        return new TreeSet<>(latest.keySet());
    }

    /** The form the sequence's form action references, deployed with it as Modeler deploys an attached file. */
    private static final String FORM = """
            {"id": "form-made-in-modeler", "type": "default", "schemaVersion": 16,
             "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
             "components": [
               {"id": "Field_TshirtSize", "key": "tshirt_size", "label": "T-shirt size", "type": "select",
                "values": [{"label": "S", "value": "s"}, {"label": "M", "value": "m"}, {"label": "L", "value": "l"}],
                "validate": {"required": true}},
               {"id": "Field_Allergies", "key": "allergies", "label": "Allergies we should know of", "type": "textfield"}]}
            """;
}
