package dev.onboardingengine.api.dialect.workelo;

import static dev.onboardingengine.api.dialect.workelo.WorkeloPaperworkSeedExamplesIntegrationTests.idOf;
import static dev.onboardingengine.api.dialect.workelo.WorkeloPaperworkSeedExamplesIntegrationTests.paperworks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.paperwork.JourneyForms;
import dev.onboardingengine.api.problem.InvalidInput;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * Wrong answers to forms, disguised or oversize files and broken option lists: each a 4xx naming the
 * field, and nothing half-saved.
 */
@ApiIntegrationTest
class WorkeloPaperworkBadInputIntegrationTests {

    /** The 8 bytes every PNG starts with, and a little more. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JourneyForms forms;

    WorkeloClient workelo;
    long formId;
    List<Map<String, Object>> paperworks;

    @BeforeEach
    void paperworkTrack() {
        workelo = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        PaperworkTrack track = PaperworkTrack.open(workelo, runtime, management);
        formId = workelo.get("/tracks/" + track.id() + "/forms").id(0);
        paperworks = paperworks(workelo.get("/forms/" + formId));
    }

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void answersOfTheWrongTypeNameTheField() {
        assertBadValue("birth_date", "\"12/03/1994\"", "not a date");
        assertBadValue("tshirt_size", "\"XXXL\"", "not a valid choice");
        assertBadValue("legal_name", "\"" + "x".repeat(201) + "\"", "at most 200");
        assertBadValue("legal_name", "{\"first\": \"John\"}", "must be a string");
        assertBadValue("identity_document", "\"passport.pdf\"", "POST /paperwork_files");
        Answer noValue = workelo.put("/paperworks/" + idOf(paperworks, "legal_name"), "{}");
        assertThat(noValue.status()).isEqualTo(400);
        assertThat(noValue.body()).containsKey("value");
        assertThat(workelo.put("/paperworks/987654321", "{\"value\": \"x\"}").status()).isEqualTo(404);
        assertThat(paperworks(workelo.get("/forms/" + formId))).allSatisfy(p -> assertThat(p.get("value")).isNull());
    }

    @Test
    void filesAreCheckedByTheirContent() {
        long identity = idOf(paperworks, "identity_document");
        assertBadFile(identity, "id.pdf", PNG, "image/png file by its content, but its name says otherwise");
        assertBadFile(identity, "notes.pdf", "just some text".getBytes(), "not an allowed type");
        assertBadFile(identity, "setup.exe", new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0},
                "not an allowed type");
        byte[] oversize = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(WorkeloPaperworkSeedExamplesIntegrationTests.PDF, 0, oversize, 0,
                WorkeloPaperworkSeedExamplesIntegrationTests.PDF.length);
        assertBadFile(identity, "big.pdf", oversize, "larger than");
        Answer notBase64 = workelo.post("/paperwork_files",
                "{\"paperwork_id\": %d, \"file\": \"%%%%\"}".formatted(identity));
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.body()).containsEntry("file", List.of("is not valid base64."));
        Answer notAFileField = workelo.post("/paperwork_files", "{\"paperwork_id\": %d, \"file\": \"%s\"}"
                .formatted(idOf(paperworks, "legal_name"), Base64.getEncoder().encodeToString(PNG)));
        assertThat(notAFileField.status()).isEqualTo(400);
        assertThat(notAFileField.body()).containsKey("paperwork_id");
        Answer noPaperwork = workelo.post("/paperwork_files", "{\"file\": \"%s\"}"
                .formatted(Base64.getEncoder().encodeToString(PNG)));
        assertThat(noPaperwork.status()).isEqualTo(400);
        assertThat(noPaperwork.body()).containsKey("paperwork_id");
        // Both wrong: one answer names both, not the file first and the paperwork on the next try
        Answer neither = workelo.post("/paperwork_files", "{}");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body()).containsEntry("file", List.of("is required."))
                .containsEntry("paperwork_id", List.of("is required."));
        Answer badBoth = workelo.post("/paperwork_files", "{\"paperwork_id\": 987654321, \"file\": \"%%\"}");
        assertThat(badBoth.status()).isEqualTo(400);
        assertThat(badBoth.body()).containsKeys("file", "paperwork_id");
        // A real PNG with its own name is fine
        Answer png = workelo.post("/paperwork_files",
                "{\"paperwork_id\": %d, \"file\": \"%s\", \"file_name\": \"id.png\"}"
                        .formatted(identity, Base64.getEncoder().encodeToString(PNG)));
        assertThat(png.status()).as(png.toString()).isEqualTo(201);
        assertThat(png.body()).containsEntry("content_type", "image/png");
    }

    @Test
    void aFormWithOneWrongAnswerSavesNothingAndCannotBeSubmittedHalfFilled() {
        long legalName = idOf(paperworks, "legal_name");
        long birthDate = idOf(paperworks, "birth_date");
        assertThatThrownBy(
                () -> forms.fill(formId, Map.of(legalName, "John Martin", birthDate, "someday"), Map.of(), true,
                        null, Instant.now()))
                .isInstanceOfSatisfying(InvalidInput.class, wrong -> assertThat(wrong.violations())
                        .extracting(InvalidInput.Violation::field).containsExactly("birth_date"));
        assertThat(paperworks(workelo.get("/forms/" + formId))).allSatisfy(p -> assertThat(p.get("value")).isNull());
        // An answer left out stays; an answer emptied on purpose empties the field
        forms.fill(formId, Map.of(legalName, "John Martin"), Map.of(), false, null, Instant.now());
        forms.fill(formId, Map.of(birthDate, "1994-03-12"), Map.of(), false, null, Instant.now());
        assertThat(paperworks(workelo.get("/forms/" + formId))).filteredOn(p -> p.get("value") != null).hasSize(2);
        forms.fill(formId, Map.of(legalName, "", birthDate, ""), Map.of(), false, null, Instant.now());
        assertThat(paperworks(workelo.get("/forms/" + formId))).allSatisfy(p -> assertThat(p.get("value")).isNull());

        Answer halfFilled = workelo.put("/forms/" + formId + "/submit", null);
        assertThat(halfFilled.status()).isEqualTo(400);
        assertThat(halfFilled.body()).containsKeys("legal_name", "birth_date", "tshirt_size", "identity_document")
                .doesNotContainKeys("emergency_contact", "city");
        assertThat(workelo.get("/forms/" + formId).body()).containsEntry("status", "opened");
        assertThat(workelo.put("/forms/" + formId + "/validate", null).status()).as("not submitted yet").isEqualTo(409);
    }

    @Test
    void brokenOptionListsNameTheField() {
        long tshirts = workelo.get("/paperwork_resources?type=selection&limit=200").list().stream()
                .filter(r -> "tshirt_size".equals(r.get("key"))).findFirst()
                .map(r -> ((Number) r.get("id")).longValue())
                .orElseThrow();
        long legalName = workelo.get("/paperwork_resources?type=text&limit=200").list().stream()
                .filter(r -> "legal_name".equals(r.get("key"))).findFirst().map(r -> ((Number) r.get("id")).longValue())
                .orElseThrow();
        assertThat(workelo.get("/collection_values?resource_id=" + tshirts).body()).containsKey("resource_type");
        assertThat(workelo.get("/collection_values?resource_type=Employee&resource_id=" + tshirts).body())
                .containsKey("resource_type");
        assertThat(workelo.get("/collection_values?resource_type=PaperworkResource").body()).containsKey("resource_id");
        assertThat(workelo.get("/collection_values?resource_type=PaperworkResource&resource_id=" + legalName).body())
                .containsEntry("resource_id", List.of(legalName + " is not a selection list."));
        String list = "/collection_values?resource_type=PaperworkResource&resource_id=" + tshirts;
        assertThat(workelo.post(list, "{\"value\": \"  \"}").body()).containsKey("value");
        assertThat(workelo.post(list, "{\"value\": \"XXL\", \"parent_id\": 987654321}").body())
                .containsKey("parent_id");
        assertThat(workelo.post(list, "{\"value\": \"XXL\", \"position\": -1}").body()).containsKey("position");
        assertThat(workelo.post(list, "{\"value\": \"Extra small\", \"external_id\": \"xs\"}").body())
                .containsEntry("external_id", List.of("\"xs\" is already taken."));
        Answer parent = workelo.post(list, "{\"value\": \"Tall sizes\"}");
        Answer child = workelo.post(list, "{\"value\": \"XL tall\", \"parent_id\": %d}".formatted(parent.id()));
        assertThat(child.status()).isEqualTo(201);
        Answer cycle = workelo.put("/collection_values/" + parent.id(), "{\"parent_id\": %d}".formatted(child.id()));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.body()).containsKey("parent_id");
        assertThat(workelo.put("/collection_values/987654321", "{\"value\": \"x\"}").status()).isEqualTo(404);
    }

    private void assertBadValue(String key, String json, String message) {
        Answer answer = workelo.put("/paperworks/" + idOf(paperworks, key), "{\"value\": " + json + "}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().get("value").toString()).contains(message);
    }

    private void assertBadFile(long paperworkId, String name, byte[] content, String message) {
        Answer answer = workelo.post("/paperwork_files",
                "{\"paperwork_id\": %d, \"file\": \"%s\", \"file_name\": \"%s\"}"
                        .formatted(paperworkId, Base64.getEncoder().encodeToString(content), name));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.body().get("file").toString()).contains(message);
        assertThat(paperworks(workelo.get("/forms/" + formId))).filteredOn(p -> p.get("id").equals((int) paperworkId))
                .singleElement().satisfies(p -> assertThat(p.get("value")).isNull());
    }
}
