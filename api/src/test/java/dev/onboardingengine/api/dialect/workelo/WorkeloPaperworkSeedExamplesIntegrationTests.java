package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * Replays sections 5 and 6 of the Workelo API guide (shared/seeds/workelo-api-guide.md) as written, ids
 * taken from earlier answers, on a track with the shipped "Administrative paperwork" sequence: its form
 * and documents appear seven days before the start, the form is filled field by field, a file is
 * uploaded, HR validates, the documents are read, and the option lists are extended, relabelled,
 * reordered and moved without touching the values already chosen.
 */
@ApiIntegrationTest
class WorkeloPaperworkSeedExamplesIntegrationTests {

    static final byte[] PDF = pdf();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    WorkeloClient workelo;
    PaperworkTrack track;

    @BeforeEach
    void paperworkTrack() {
        workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        track = PaperworkTrack.open(workelo, runtime, management);
    }

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void administrativeFormsWorkAsWritten() {
        // GET /tracks/{track_id}/forms, ?status=opened, ?status=missing_validation
        Answer forms = workelo.get("/tracks/" + track.id() + "/forms");
        assertThat(forms.status()).as(forms.toString()).isEqualTo(200);
        assertThat(forms.list()).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("status", "opened").containsEntry("name", "Fill in your personal details")
                .containsEntry("form_key", "form-personal-details").containsEntry("owner_id", (int) track.hireId()));
        long formId = forms.id(0);
        assertThat(workelo.get("/tracks/" + track.id() + "/forms?status=opened").list()).hasSize(1);
        assertThat(workelo.get("/tracks/" + track.id() + "/forms?status=missing_validation").list()).isEmpty();

        // GET /forms/{id}: every paperwork with its value
        Answer form = workelo.get("/forms/" + formId);
        assertThat(form.status()).isEqualTo(200);
        List<Map<String, Object>> paperworks = paperworks(form);
        assertThat(paperworks).extracting(p -> p.get("key")).containsExactly("legal_name", "birth_date", "tshirt_size",
                "emergency_contact", "postal_code", "city", "contract_type", "identity_document");
        assertThat(paperworks).extracting(p -> p.get("type")).containsExactly("text", "date", "selection", "text",
                "selection", "selection", "selection", "file");
        assertThat(paperworks).allSatisfy(p -> assertThat(p.get("value")).isNull());

        // PUT /paperworks/{id} { "value": "New value" }
        long legalName = idOf(paperworks, "legal_name");
        Answer updated = workelo.put("/paperworks/" + legalName, """
                { "value": "New value" }""");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body()).containsEntry("value", "New value").containsEntry("key", "legal_name");
        assertThat(paperworks(workelo.get("/forms/" + formId))).filteredOn(p -> "legal_name".equals(p.get("key")))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("value", "New value"));

        // POST /paperwork_files as written: "..." is no file, and the answer says which field is wrong
        Answer asWritten = workelo.post("/paperwork_files", """
                { "paperwork_id": 456, "file": "..." }""");
        assertThat(asWritten.status()).as(asWritten.toString()).isEqualTo(400);
        assertThat(asWritten.body()).containsKey("file");
        assertThat(asWritten.contentType()).isEqualTo("application/problem+json");

        // ... and with a real paperwork and a real file
        long identity = idOf(paperworks, "identity_document");
        Answer uploaded = workelo.post("/paperwork_files", """
                { "paperwork_id": %d, "file": "%s", "file_name": "passport.pdf" }"""
                .formatted(identity, Base64.getEncoder().encodeToString(PDF)));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.body()).containsEntry("paperwork_id", (int) identity)
                .containsEntry("file_name", "passport.pdf")
                .containsEntry("content_type", "application/pdf").containsEntry("size", PDF.length);

        // GET /paperwork_files/{id}: the same bytes back
        Answer file = workelo.get("/paperwork_files/" + uploaded.id());
        assertThat(file.status()).isEqualTo(200);
        assertThat(Base64.getDecoder().decode((String) file.body().get("file"))).isEqualTo(PDF);

        // GET /paperwork_resources, ?type=selection (dropdown lists), ?type=date
        Answer resources = workelo.get("/paperwork_resources");
        assertThat(resources.status()).isEqualTo(200);
        assertThat(resources.list()).extracting(r -> r.get("key")).contains("legal_name", "birth_date", "tshirt_size",
                "identity_document");
        assertThat(workelo.get("/paperwork_resources?type=selection").list()).extracting(r -> r.get("key"))
                .contains("tshirt_size", "postal_code", "city").doesNotContain("legal_name", "birth_date");
        assertThat(workelo.get("/paperwork_resources?type=date").list()).extracting(r -> r.get("key"))
                .contains("birth_date").doesNotContain("legal_name", "tshirt_size");

        // The rest of the form, then it is handed in: HR must validate it
        assertThat(workelo.put("/paperworks/" + idOf(paperworks, "birth_date"), """
                { "value": "1994-03-12" }""").status()).isEqualTo(200);
        assertThat(workelo.put("/paperworks/" + idOf(paperworks, "tshirt_size"), """
                { "value": "M" }""").body()).containsEntry("value", "M");
        Answer submitted = workelo.put("/forms/" + formId + "/submit", null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.body()).containsEntry("status", "missing_validation");
        assertThat(workelo.get("/tracks/" + track.id() + "/forms?status=missing_validation").list()).hasSize(1);
        assertThat(workelo.get("/tracks/" + track.id() + "/forms?status=opened").list()).isEmpty();
        Task action = tasks.createTaskQuery().taskId((String) submitted.body().get("action_id")).singleResult();
        assertThat(action.getAssignee()).as("the action went to HR").isEqualTo(Long.toString(track.hrId()));

        // HR validates: done, the action is complete, the answers are process variables
        Answer validated = workelo.put("/forms/" + formId + "/validate", null);
        assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
        assertThat(validated.body()).containsEntry("status", "done").containsEntry("validated_by", 1);
        assertThat(tasks.createTaskQuery().taskId(action.getId()).count()).isZero();
        assertThat(workelo.put("/paperworks/" + legalName, """
                { "value": "Too late" }""").status()).as("a done form is closed").isEqualTo(409);
    }

    @Test
    void documentsWorkAsWritten() {
        // GET /tracks/{track_id}/documents: the handbook to read and the IT charter to sign, both available
        Answer documents = workelo.get("/tracks/" + track.id() + "/documents");
        assertThat(documents.status()).as(documents.toString()).isEqualTo(200);
        assertThat(documents.list()).extracting(d -> d.get("name"), d -> d.get("type"), d -> d.get("status"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Employee handbook", "download", "receipting"),
                        org.assertj.core.groups.Tuple.tuple("IT charter", "sign", "receipting"));
        assertThat(workelo.get("/tracks/" + track.id() + "/documents?status=finalized").list()).isEmpty();
        assertThat(workelo.get("/tracks/" + track.id() + "/documents?status=supplying").list()).isEmpty();

        // GET /attachments/{id}: the file as base64
        Map<String, Object> handbook = documents.list().stream().filter(d -> "download".equals(d.get("type")))
                .findFirst()
                .orElseThrow();
        Answer attachment = workelo.get("/attachments/" + handbook.get("attachment_id"));
        assertThat(attachment.status()).as(attachment.toString()).isEqualTo(200);
        assertThat(attachment.body()).containsEntry("content_type", "application/pdf");
        assertThat(new String(Base64.getDecoder().decode((String) attachment.body().get("file")),
                java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("%PDF-").contains("Employee handbook");

        // GET /document_resources, ?type=sign, ?type=download
        assertThat(workelo.get("/document_resources").list()).extracting(r -> r.get("key"))
                .contains("employee-handbook", "it-charter");
        assertThat(workelo.get("/document_resources?type=sign").list()).extracting(r -> r.get("key"))
                .contains("it-charter").doesNotContain("employee-handbook");
        assertThat(workelo.get("/document_resources?type=download").list()).extracting(r -> r.get("key"))
                .contains("employee-handbook").doesNotContain("it-charter");

        // A document for this hire only (their own charter): shown instead of the shared one
        Map<String, Object> charter = documents.list().stream().filter(d -> "sign".equals(d.get("type"))).findFirst()
                .orElseThrow();
        Answer own = workelo.post("/attachments", """
                { "document_id": %s, "file": "%s", "file_name": "charter-john.pdf" }"""
                .formatted(charter.get("id"), Base64.getEncoder().encodeToString(PDF)));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.body().get("attachment_id")).isNotEqualTo(charter.get("attachment_id"));
        assertThat(workelo.get("/attachments/" + own.body().get("attachment_id")).body()).containsEntry("file_name",
                "charter-john.pdf");

        // Completing the action in Tasklist counts as reading it: finalized, with who and when
        tasks.complete((String) handbook.get("action_id"));
        assertThat(workelo.get("/tracks/" + track.id() + "/documents?status=finalized").list()).singleElement()
                .satisfies(
                        d -> assertThat(d).containsEntry("name", "Employee handbook").containsKey("acknowledged_at"));
    }

    @Test
    void dropdownOptionListsWorkAsWritten() {
        long postalCodes = resourceId("postal_code");
        long cities = resourceId("city");
        long contractTypes = resourceId("contract_type");

        // GET /collection_values?resource_type=PaperworkResource&resource_id={id}, with limit/offset
        Answer postal = workelo.get("/collection_values?resource_type=PaperworkResource&resource_id=" + postalCodes);
        assertThat(postal.status()).as(postal.toString()).isEqualTo(200);
        assertThat(postal.list()).extracting(v -> v.get("value")).containsSubsequence("75001", "75002", "69001");
        Answer page = workelo.get("/collection_values?resource_type=PaperworkResource&resource_id=" + postalCodes
                + "&limit=1&offset=1");
        assertThat(page.list()).hasSize(1);
        assertThat(page.headers().getFirst("X-Total-Count")).isEqualTo(Integer.toString(postal.list().size()));
        long paris1 = postal.list().stream().filter(v -> "75001".equals(v.get("value"))).findFirst()
                .map(v -> ((Number) v.get("id")).longValue()).orElseThrow();
        long paris2 = postal.list().stream().filter(v -> "75002".equals(v.get("value"))).findFirst()
                .map(v -> ((Number) v.get("id")).longValue()).orElseThrow();

        // Create a simple option (as written; the external id is unique per list, so a second run adds a suffix)
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Answer permanent = workelo
                .post("/collection_values?resource_type=PaperworkResource&resource_id=" + contractTypes, """
                        {
                        "value": "Permanent contract",
                        "external_id": "contract_permanent%s",
                        "position": 1
                        }""".formatted(suffix));
        assertThat(permanent.status()).as(permanent.toString()).isEqualTo(201);
        assertThat(permanent.body()).containsEntry("value", "Permanent contract").containsEntry("position", 1)
                .containsEntry("parent_id", null);
        // Inserted at a taken position, it moved the others down: no two options share a position
        List<Map<String, Object>> contracts = workelo
                .get("/collection_values?resource_type=PaperworkResource&resource_id="
                        + contractTypes + "&limit=200")
                .list();
        assertThat(contracts).hasSizeGreaterThan(1);
        assertThat(contracts).extracting(v -> v.get("position")).doesNotHaveDuplicates();
        assertThat(contracts.get(0)).containsEntry("value", "Permanent contract");

        // Create an option with a parent (dependent list): the parent is postal code 75001
        Answer paris1st = workelo.post("/collection_values?resource_type=PaperworkResource&resource_id=" + cities, """
                {
                "value": "Paris 1st",
                "external_id": "75056%s",
                "position": 1,
                "parent_id": %d
                }""".formatted(suffix, paris1));
        assertThat(paris1st.status()).as(paris1st.toString()).isEqualTo(201);
        assertThat(paris1st.body()).containsEntry("parent_id", (int) paris1);
        assertThat(
                workelo.get("/collection_values?resource_type=PaperworkResource&resource_id=" + cities + "&parent_id="
                        + paris1).list())
                .extracting(v -> v.get("value")).contains("Paris 1st");

        // The hire chooses 75001 and Paris 1st
        Answer form = workelo.get("/forms/" + workelo.get("/tracks/" + track.id() + "/forms").id(0));
        List<Map<String, Object>> paperworks = paperworks(form);
        assertThat(workelo.put("/paperworks/" + idOf(paperworks, "postal_code"), """
                { "value": "75001" }""").status()).isEqualTo(200);
        assertThat(workelo.put("/paperworks/" + idOf(paperworks, "city"), """
                { "value": "Paris 1st" }""").body()).containsEntry("value", "Paris 1st");

        // Update an option (label, position, or parent), as written with the ids of this run
        Answer moved = workelo.put("/collection_values/" + paris1st.id(), """
                {
                "value": "Paris 1st Arrondissement",
                "position": 2,
                "parent_id": %d
                }""".formatted(paris2));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.body()).containsEntry("value", "Paris 1st Arrondissement").containsEntry("position", 2)
                .containsEntry("parent_id", (int) paris2);

        // Existing values in journeys retain their previous value (no cascade)
        assertThat(paperworks(workelo.get("/forms/" + form.id()))).filteredOn(p -> "city".equals(p.get("key")))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("value", "Paris 1st")
                        .containsEntry("collection_value_id", (int) paris1st.id()));

        // The moved option now hangs under 75002: it no longer fits the chosen 75001
        Answer misfit = workelo.put("/paperworks/" + idOf(paperworks, "city"), """
                { "value": "Paris 1st Arrondissement" }""");
        assertThat(misfit.status()).as(misfit.toString()).isEqualTo(400);
        assertThat(misfit.body()).containsKey("value");
    }

    private long resourceId(String key) {
        return workelo.get("/paperwork_resources?type=selection&limit=200").list().stream()
                .filter(r -> key.equals(r.get("key"))).findFirst().map(r -> ((Number) r.get("id")).longValue())
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> paperworks(Answer form) {
        return (List<Map<String, Object>>) form.body().get("paperworks");
    }

    static long idOf(List<Map<String, Object>> paperworks, String key) {
        return paperworks.stream().filter(p -> key.equals(p.get("key"))).findFirst()
                .map(p -> ((Number) p.get("id")).longValue()).orElseThrow();
    }

    static byte[] pdf() {
        try {
            return new ClassPathResource("processes/documents/it-charter.pdf").getContentAsByteArray();
        } catch (java.io.IOException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
