package dev.onboardingengine.api.dialect.workelo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.onboardingengine.api.ApiIntegrationTest;
import dev.onboardingengine.api.auth.ApiTokens;
import dev.onboardingengine.api.dialect.workelo.WorkeloClient.Answer;
import dev.onboardingengine.api.directory.Employee;
import dev.onboardingengine.api.directory.EmployeeRole;
import dev.onboardingengine.api.hire.NewHire;
import dev.onboardingengine.api.hire.NewHireService;
import dev.onboardingengine.api.organisation.Organisations;
import dev.onboardingengine.api.organisation.Scopes;
import dev.onboardingengine.api.organisation.UnitChange;
import dev.onboardingengine.workflow.testing.EngineClock;

/**
 * Organisation scopes on tracks, owners' actions, magic links, forms, paperworks, files and documents: HR
 * scoped to unit A reads and changes what belongs to a hire in A, and gets 404 (never the data) for a
 * hire in B; option lists and
 * document resources are shared by every unit, so only organisation-wide roles change them.
 */
@ApiIntegrationTest
class TrackScopeIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    NewHireService hires;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Organisations organisations;
    @Autowired
    Scopes scopes;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    /** A track in unit A, one in unit B, and HR scoped to A. */
    private record Scene(String run, WorkeloClient admin, WorkeloClient scopedHr, PaperworkTrack inA,
            PaperworkTrack inB) {
    }

    private Scene scene() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long root = organisations.units(null).stream().filter(unit -> "root".equals(unit.externalId())).findFirst()
                .orElseThrow().id();
        long unitA = organisations.create(new UnitChange("PA-" + run, "A", 2L, root, null), null).id();
        long unitB = organisations.create(new UnitChange("PB-" + run, "B", 2L, root, null), null).id();
        WorkeloClient admin = new WorkeloClient(port, ApiIntegrationTest.ADMIN_TOKEN, objectMapper);
        PaperworkTrack inA = PaperworkTrack.open(admin, runtime, management, unitA);
        PaperworkTrack inB = PaperworkTrack.open(admin, runtime, management, unitB);
        Employee hr = hires.hire(NewHire.builder().firstName("Scoped").lastName("Hr")
                .email("scoped.hr." + run + "@example.com").role(EmployeeRole.HR).build(), null);
        scopes.grant(hr.id(), unitA, null);
        return new Scene(run, admin, new WorkeloClient(port, tokens.issue(hr, null), objectMapper), inA, inB);
    }

    @Test
    void scopedHrReachesOnlyTheTracksOfItsUnits() {
        Scene scene = scene();
        WorkeloClient scopedHr = scene.scopedHr();
        List<String> wrong = new ArrayList<>();
        Answer listed = scopedHr.get("/tracks?limit=200");
        expect(wrong, listed, 200);
        assertThat(listed.list()).extracting(track -> ((Number) track.get("id")).longValue())
                .contains(scene.inA().id()).doesNotContain(scene.inB().id());
        expect(wrong, scopedHr.get("/tracks/" + scene.inA().id()), 200);
        expect(wrong, scopedHr.get("/tracks/" + scene.inB().id()), 404);
        expect(wrong, scopedHr.put("/tracks/" + scene.inB().id(), "{\"start_date\": \"2026-06-15\"}"), 404);
        expect(wrong, scopedHr.put("/tracks/" + scene.inB().id() + "/cancel", null), 404);
        expect(wrong, scopedHr.get("/owners/" + scene.inB().hireId() + "/actions"), 404);
        expect(wrong, scopedHr.get("/owners/" + scene.inA().hireId() + "/actions"), 200);
        expect(wrong, scopedHr.get("/user_magic_links/" + scene.inB().hireId()), 404);
        assertThat(wrong).isEmpty();
        assertThat(scene.admin().get("/tracks/" + scene.inB().id()).body()).containsEntry("start_date", "2026-06-01")
                .containsEntry("status", "invitation_sent");
    }

    @Test
    void scopedHrReachesOnlyThePaperworkOfItsUnits() {
        Scene scene = scene();
        String run = scene.run();
        WorkeloClient admin = scene.admin();
        WorkeloClient scopedHr = scene.scopedHr();
        PaperworkTrack inA = scene.inA();
        PaperworkTrack inB = scene.inB();

        Paperwork a = paperworkOf(admin, inA);
        Paperwork b = paperworkOf(admin, inB);
        List<String> wrong = new ArrayList<>();
        // Reads and changes of its own unit's track work
        expect(wrong, scopedHr.get("/tracks/" + inA.id() + "/forms"), 200);
        expect(wrong, scopedHr.get("/forms/" + a.formId()), 200);
        expect(wrong, scopedHr.put("/paperworks/" + a.legalName(), "{\"value\": \"Anna\"}"), 200);
        expect(wrong, scopedHr.post("/paperwork_files", upload(a.identity())), 201);
        expect(wrong, scopedHr.get("/tracks/" + inA.id() + "/documents"), 200);
        expect(wrong, scopedHr.post("/attachments", attach(a.documentId())), 201);
        // The other unit's track is not found, whatever the route, and nothing of it changes
        expect(wrong, scopedHr.get("/tracks/" + inB.id() + "/forms"), 404);
        expect(wrong, scopedHr.get("/forms/" + b.formId()), 404);
        expect(wrong, scopedHr.put("/paperworks/" + b.legalName(), "{\"value\": \"Bob\"}"), 404);
        expect(wrong, scopedHr.put("/forms/" + b.formId() + "/submit", null), 404);
        expect(wrong, scopedHr.post("/paperwork_files", upload(b.identity())), 400);
        expect(wrong, scopedHr.get("/tracks/" + inB.id() + "/documents"), 404);
        expect(wrong, scopedHr.post("/attachments", attach(b.documentId())), 400);
        Answer bFile = admin.post("/paperwork_files", upload(b.identity()));
        expect(wrong, scopedHr.get("/paperwork_files/" + bFile.id()), 404);
        Answer bAttachment = admin.post("/attachments", attach(b.documentId()));
        expect(wrong, scopedHr.get("/attachments/" + bAttachment.body().get("attachment_id")), 404);
        // Shared lists: readable, changed only by organisation-wide roles
        expect(wrong, scopedHr.get("/paperwork_resources"), 200);
        expect(wrong, scopedHr.get("/document_resources"), 200);
        long tshirts = admin.get("/paperwork_resources?type=selection&limit=200").list().stream()
                .filter(r -> "tshirt_size".equals(r.get("key"))).findFirst()
                .map(r -> ((Number) r.get("id")).longValue())
                .orElseThrow();
        expect(wrong, scopedHr.post("/collection_values?resource_type=PaperworkResource&resource_id=" + tshirts,
                "{\"value\": \"XXS\"}"), 403);
        expect(wrong, scopedHr.post("/document_resources", "{\"key\": \"scoped-" + run + "\", \"name\": \"Mine\"}"),
                403);

        assertThat(wrong).isEmpty();
        assertThat(admin.get("/forms/" + b.formId()).raw()).doesNotContain("Bob");
    }

    private record Paperwork(long formId, long legalName, long identity, long documentId) {
    }

    private static Paperwork paperworkOf(WorkeloClient admin, PaperworkTrack track) {
        long formId = admin.get("/tracks/" + track.id() + "/forms").id(0);
        List<Map<String, Object>> paperworks = WorkeloPaperworkSeedExamplesIntegrationTests.paperworks(
                admin.get("/forms/" + formId));
        return new Paperwork(formId, WorkeloPaperworkSeedExamplesIntegrationTests.idOf(paperworks, "legal_name"),
                WorkeloPaperworkSeedExamplesIntegrationTests.idOf(paperworks, "identity_document"),
                admin.get("/tracks/" + track.id() + "/documents").id(0));
    }

    private static String upload(long paperworkId) {
        return "{\"paperwork_id\": %d, \"file\": \"%s\", \"file_name\": \"id.pdf\"}".formatted(paperworkId,
                Base64.getEncoder().encodeToString(WorkeloPaperworkSeedExamplesIntegrationTests.PDF));
    }

    private static String attach(long documentId) {
        return "{\"document_id\": %d, \"file\": \"%s\", \"file_name\": \"own.pdf\"}".formatted(documentId,
                Base64.getEncoder().encodeToString(WorkeloPaperworkSeedExamplesIntegrationTests.PDF));
    }

    private static void expect(List<String> wrong, Answer answer, int status) {
        if (answer.status() != status) {
            wrong.add("expected " + status + ": " + answer);
        }
    }
}
